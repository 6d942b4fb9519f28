// What upgrading nodes does to each VM, from two analyses: the clusters as they are, and with every upgrade done.
// A VM's verdict depends only on the nodes it can land on, each as it is, drained (gone from its targets) or
// upgraded; rules read nothing else, and no VM rule's error or unknown depends on which nodes are left
// (test/rules/registry.test.ts). So a VM is safe in a state (a set U of upgraded nodes, and at most one node d
// drained for its upgrade) exactly when: no node of U fails it once upgraded (A), every node that fails it now
// (B) is in U or is d, and it keeps a node to run on. VMs with the same A, B and targets share one Item. Pure.
import type { LtscRelease } from '../domain/releases.js';
import type { ClusterRecord } from '../model/facts.js';
import type { AnalyzeOptions } from './analyze.js';
import { createAnalyzer } from './analyzer.js';
import { applyChanges } from './what-if.js';

export interface Upgrade {
  cluster: string;
  node: string;
  release: LtscRelease;
}

/** VMs that are safe in the same states, by the indexes (into the upgrades) of the nodes that matter. */
export interface Item {
  /** Upgraded nodes that fail it. */
  readonly a: readonly number[];
  /** Nodes that fail it until upgraded (or while drained). */
  readonly b: readonly number[];
  /** Upgrade nodes among its targets: draining one takes a target away. */
  readonly r: readonly number[];
  /** Its targets with nothing drained. */
  readonly targets: number;
  /** How many VMs. */
  readonly n: number;
}

export interface UpgradeModel {
  readonly upgrades: readonly Upgrade[];
  /** VMs that are safe in some state, grouped; VMs never safe are left out. */
  readonly items: readonly Item[];
  /** The same, one Item per VM, with its cluster/VM key. */
  readonly vms: readonly (Item & { key: string })[];
  readonly initialSafe: number;
}

const nodeKey = (cluster: string, node: string) => `${cluster}\u0000${node}`.toLowerCase();

export function upgradeModel(
  clusters: readonly ClusterRecord[],
  upgrades: readonly Upgrade[],
  options: AnalyzeOptions,
): UpgradeModel {
  const analyzer = createAnalyzer(options);
  const before = analyzer.analyze(clusters);
  const after = analyzer.analyze(
    applyChanges(
      clusters,
      upgrades.map((u) => ({ kind: 'upgrade' as const, ...u })),
    ),
  );
  const index = new Map(upgrades.map((u, i) => [nodeKey(u.cluster, u.node), i]));
  const vms: (Item & { key: string })[] = [];
  let initialSafe = 0;
  for (const [c, cluster] of before.clusters.entries()) {
    const upgraded = after.clusters[c];
    for (const [v, vm] of cluster.vms.entries()) {
      if (vm.verdict === 'safe') initialSafe++;
      if (vm.verdict === 'not-applicable' || vm.targets.length === 0) continue;
      const later = upgraded?.vms[v]?.targets ?? [];
      const a: number[] = [];
      const b: number[] = [];
      const r: number[] = [];
      let possible = true;
      for (const [t, target] of vm.targets.entries()) {
        const x = index.get(nodeKey(cluster.name, target.node));
        const okAfter = later[t]?.verdict === 'ok';
        if (x === undefined) {
          possible &&= target.verdict === 'ok';
          continue;
        }
        r.push(x);
        if (target.verdict !== 'ok') b.push(x);
        if (!okAfter) a.push(x);
      }
      if (possible)
        vms.push({ a, b, r, targets: vm.targets.length, n: 1, key: `${cluster.name}/${vm.name}` });
    }
  }
  return { upgrades, items: grouped(vms), vms, initialSafe };
}

function grouped(vms: readonly Item[]): Item[] {
  const items = new Map<string, Item>();
  for (const vm of vms) {
    const key = `${vm.a}|${vm.b}|${vm.r}|${vm.targets}`;
    const had = items.get(key);
    items.set(key, had ? { ...had, n: had.n + 1 } : { a: vm.a, b: vm.b, r: vm.r, targets: vm.targets, n: 1 });
  }
  return [...items.values()];
}

/** Whether an item is safe with `upgraded` nodes upgraded and `drained` (or -1) drained. */
export function safeIn(item: Item, upgraded: (x: number) => boolean, drained: number): boolean {
  if (item.a.some(upgraded)) return false;
  if (item.b.some((x) => x !== drained && !upgraded(x))) return false;
  return item.targets - (item.r.includes(drained) ? 1 : 0) >= 1;
}
