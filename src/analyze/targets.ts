import type { ClusterRecord, NodeRecord, VmRecord } from '../model/facts.js';

/**
 * The nodes a VM could land on: its possible owners, or every node of the cluster when none are set, less
 * drained nodes. Names that are no node of the cluster (left by an eviction) are no target.
 */
export function targetNodes(
  vm: VmRecord,
  nodesByName: ReadonlyMap<string, NodeRecord>,
  cluster: ClusterRecord,
) {
  if (vm.possibleOwners.length === 0) return cluster.nodes.filter((node) => !node.drained);
  const targets: NodeRecord[] = [];
  for (const name of vm.possibleOwners) {
    const node = nodesByName.get(name);
    if (node && !node.drained) targets.push(node);
  }
  return targets;
}
