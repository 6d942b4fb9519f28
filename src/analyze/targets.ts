import type { ClusterRecord, NodeRecord, VmRecord } from '../model/facts.js';

/** The nodes a VM could land on: its possible owners, or every node of the cluster when none are set. */
export function targetNodes(
  vm: VmRecord,
  nodesByName: ReadonlyMap<string, NodeRecord>,
  cluster: ClusterRecord,
) {
  if (vm.possibleOwners.length === 0) return cluster.nodes;
  const targets: NodeRecord[] = [];
  for (const name of vm.possibleOwners) {
    const node = nodesByName.get(name);
    if (node) targets.push(node);
  }
  return targets;
}
