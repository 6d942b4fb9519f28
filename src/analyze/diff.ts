// What changed between two reports (or snapshots, analysed first): nodes added, removed, upgraded, activation
// lost; VMs newly at risk or recovered. Pure.

export interface ComparableNode {
  name: string;
  release: string | null;
  edition: string | null;
  activated: boolean | null;
}

export interface ComparableCluster {
  name: string;
  nodes: ComparableNode[];
  vms: { name: string; verdict: string }[];
}

export type Change =
  | { kind: 'node-added' | 'node-removed'; cluster: string; node: string }
  | { kind: 'release-changed'; cluster: string; node: string; from: string | null; to: string | null }
  | { kind: 'edition-changed'; cluster: string; node: string; from: string | null; to: string | null }
  | { kind: 'activation-lost' | 'activation-regained'; cluster: string; node: string }
  | {
      kind: 'vm-newly-at-risk' | 'vm-recovered' | 'vm-added' | 'vm-removed';
      cluster: string;
      vm: string;
      verdict: string;
    };

const byName = <T extends { name: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.name.toLowerCase(), item]));

function diffCluster(before: ComparableCluster, after: ComparableCluster): Change[] {
  const cluster = after.name;
  const changes: Change[] = [];
  const oldNodes = byName(before.nodes);
  const newNodes = byName(after.nodes);
  for (const [key, node] of newNodes) {
    const old = oldNodes.get(key);
    if (!old) {
      changes.push({ kind: 'node-added', cluster, node: node.name });
      continue;
    }
    if (old.release !== node.release)
      changes.push({
        kind: 'release-changed',
        cluster,
        node: node.name,
        from: old.release,
        to: node.release,
      });
    if (old.edition !== node.edition)
      changes.push({
        kind: 'edition-changed',
        cluster,
        node: node.name,
        from: old.edition,
        to: node.edition,
      });
    if (old.activated === true && node.activated === false)
      changes.push({ kind: 'activation-lost', cluster, node: node.name });
    if (old.activated === false && node.activated === true)
      changes.push({ kind: 'activation-regained', cluster, node: node.name });
  }
  for (const [key, node] of oldNodes)
    if (!newNodes.has(key)) changes.push({ kind: 'node-removed', cluster, node: node.name });
  const oldVms = byName(before.vms);
  const newVms = byName(after.vms);
  for (const [key, vm] of newVms) {
    const old = oldVms.get(key);
    if (!old) changes.push({ kind: 'vm-added', cluster, vm: vm.name, verdict: vm.verdict });
    else if (vm.verdict === 'at-risk' && old.verdict !== 'at-risk')
      changes.push({ kind: 'vm-newly-at-risk', cluster, vm: vm.name, verdict: vm.verdict });
    else if (old.verdict === 'at-risk' && vm.verdict !== 'at-risk')
      changes.push({ kind: 'vm-recovered', cluster, vm: vm.name, verdict: vm.verdict });
  }
  for (const [key, vm] of oldVms)
    if (!newVms.has(key)) changes.push({ kind: 'vm-removed', cluster, vm: vm.name, verdict: vm.verdict });
  return changes;
}

export function diffReports(
  before: readonly ComparableCluster[],
  after: readonly ComparableCluster[],
): Change[] {
  const oldClusters = byName(before);
  const changes: Change[] = [];
  for (const cluster of after) {
    const old = oldClusters.get(cluster.name.toLowerCase()) ?? { name: cluster.name, nodes: [], vms: [] };
    changes.push(...diffCluster(old, cluster));
  }
  for (const cluster of before) {
    if (!after.some((c) => c.name.toLowerCase() === cluster.name.toLowerCase()))
      changes.push(...diffCluster(cluster, { name: cluster.name, nodes: [], vms: [] }));
  }
  return changes;
}

export function describeDiff(change: Change): string {
  switch (change.kind) {
    case 'node-added':
      return `node ${change.cluster}/${change.node} added`;
    case 'node-removed':
      return `node ${change.cluster}/${change.node} removed`;
    case 'release-changed':
      return `node ${change.cluster}/${change.node}: release ${change.from ?? '?'} -> ${change.to ?? '?'}`;
    case 'edition-changed':
      return `node ${change.cluster}/${change.node}: edition ${change.from ?? '?'} -> ${change.to ?? '?'}`;
    case 'activation-lost':
      return `node ${change.cluster}/${change.node}: activation lost`;
    case 'activation-regained':
      return `node ${change.cluster}/${change.node}: activated again`;
    case 'vm-newly-at-risk':
      return `VM ${change.cluster}/${change.vm}: newly at risk`;
    case 'vm-recovered':
      return `VM ${change.cluster}/${change.vm}: no longer at risk (${change.verdict})`;
    case 'vm-added':
      return `VM ${change.cluster}/${change.vm} added (${change.verdict})`;
    case 'vm-removed':
      return `VM ${change.cluster}/${change.vm} removed`;
  }
}

export interface DiffResult {
  readonly before: string;
  readonly after: string;
  readonly changes: readonly Change[];
  /** fail when a VM is newly at risk: one that was not before, one that is new, or one of a new cluster. */
  readonly verdict: 'pass' | 'fail';
}

export function isNewRisk(change: Change): boolean {
  return change.kind === 'vm-newly-at-risk' || (change.kind === 'vm-added' && change.verdict === 'at-risk');
}

export function diffResult(before: string, after: string, changes: readonly Change[]): DiffResult {
  return { before, after, changes, verdict: changes.some(isNewRisk) ? 'fail' : 'pass' };
}
