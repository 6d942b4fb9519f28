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

interface NamedOwner {
  name: string;
  /** The first VM that names it. */
  vm: string;
}

// Every possible owner of a cluster's VMs, once each, in first-named order; a plan asks again at each step.
const ownersOfVms = new WeakMap<readonly VmRecord[], Map<string, NamedOwner>>();

function namedOwners(vms: readonly VmRecord[]): Map<string, NamedOwner> {
  let owners = ownersOfVms.get(vms);
  if (!owners) {
    owners = new Map();
    for (const vm of vms)
      for (const name of vm.possibleOwners) {
        const key = nameKey(name);
        if (!owners.has(key)) owners.set(key, { name, vm: vm.name });
      }
    ownersOfVms.set(vms, owners);
  }
  return owners;
}

/** The cluster's nodes, plus a not-read node for each possible owner that is no node and was not evicted. */
export function nodesWithOwners(
  cluster: ClusterRecord,
  unread: (name: string, vm: string) => NodeRecord = unreadOwner,
): NodeRecord[] {
  const known = new Set(cluster.nodes.map((node) => nameKey(node.name)));
  for (const name of cluster.evicted ?? []) known.add(nameKey(name));
  let added: NodeRecord[] | null = null;
  for (const [key, owner] of namedOwners(cluster.vms)) {
    if (known.has(key)) continue;
    added ??= [];
    added.push(unread(owner.name, owner.vm));
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
