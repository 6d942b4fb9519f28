// Which nodes a VM could land on. Windows names compare without case, and an owner that was not read is never
// dropped: it is a target whose verdict is unknown.
import { type ClusterRecord, type NodeRecord, unreadNode, type VmRecord } from '../model/facts.js';

export const nameKey = (name: string) => name.toLowerCase();

/**
 * A possible owner that names no node of the cluster (its cluster-node probe was denied, or a member the
 * config does not list): VMs can land there, so it is a node that was not read, never a silent omission.
 */
export function unreadOwner(name: string, vm: string): NodeRecord {
  return unreadNode(name, {
    kind: 'not-scanned',
    message: `${vm} names it as a possible owner, but it is not among the nodes that were read`,
    hint: 'add it to the config (or set discover: true on the cluster) and scan again, or declare its facts',
  });
}

/** The cluster's nodes, plus a not-read node for each possible owner that is no node and was not evicted. */
export function nodesWithOwners(
  cluster: ClusterRecord,
  unread: (name: string, vm: string) => NodeRecord = unreadOwner,
): NodeRecord[] {
  const known = new Set(cluster.nodes.map((node) => nameKey(node.name)));
  for (const name of cluster.evicted ?? []) known.add(nameKey(name));
  let added: NodeRecord[] | null = null;
  for (const vm of cluster.vms) {
    for (const owner of vm.possibleOwners) {
      if (known.has(nameKey(owner))) continue;
      known.add(nameKey(owner));
      added ??= [];
      added.push(unread(owner, vm.name));
    }
  }
  return added ? [...cluster.nodes, ...added] : cluster.nodes;
}

/**
 * The nodes a VM could land on: its possible owners (each once, whatever its case), or every node of the
 * cluster when none are set, less drained and evicted nodes.
 */
export function targetNodes(
  vm: VmRecord,
  nodesByKey: ReadonlyMap<string, NodeRecord>,
  nodes: readonly NodeRecord[],
): NodeRecord[] {
  if (vm.possibleOwners.length === 0) return nodes.filter((node) => !node.drained);
  const targets: NodeRecord[] = [];
  const seen = new Set<string>();
  for (const name of vm.possibleOwners) {
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const node = nodesByKey.get(key);
    if (node && !node.drained) targets.push(node);
  }
  return targets;
}
