// Suggested order of a rolling upgrade: the order of node upgrades that keeps the most VMs safe. Pure.
import type { LtscRelease } from '../domain/releases.js';
import { LTSC_RELEASES } from '../domain/releases.js';
import type { ClusterRecord } from '../model/facts.js';
import type { AnalyzeOptions } from './analyze.js';
import { exactOrder, greedyOrder } from './order-search.js';
import { OrderTracker } from './order-tracker.js';
import { safeIn, type Upgrade, type UpgradeModel, upgradeModel } from './upgrade-model.js';

export interface OrderSuggestion {
  /** Node upgrades in the order found; empty when there is nothing to upgrade. */
  order: { cluster: string; node: string; release: LtscRelease }[];
  /** The fewest VMs safe at any step of that order, and at the start. */
  worstSafe: number;
  initialSafe: number;
  /** True when every VM safe at the start stays safe at every step. */
  keepsEverySafe: boolean;
  /** True when the order is the best there is; false when it comes from a heuristic search (beyond 16 nodes). */
  exact: boolean;
  /** When no order keeps them: the first step of the best order that loses VMs, when, and which. */
  lost: { step: number; node: string; whileDrained: boolean; vms: string[] } | null;
}

/** Every node below the newest release of its cluster, to be upgraded to it. */
export function rollingUpgradeTargets(
  clusters: readonly ClusterRecord[],
): { cluster: string; node: string; release: LtscRelease }[] {
  return clusters.flatMap((cluster) => {
    const ranks = cluster.nodes.map((n) =>
      n.facts?.release ? LTSC_RELEASES.indexOf(n.facts.release as LtscRelease) : -1,
    );
    const newest = Math.max(-1, ...ranks);
    const release = LTSC_RELEASES[newest];
    if (!release) return [];
    return cluster.nodes
      .filter((_, i) => (ranks[i] ?? -1) >= 0 && (ranks[i] ?? -1) < newest)
      .map((n) => ({ cluster: cluster.name, node: n.name, release }));
  });
}

/** Safe VMs at each moment of an order (drained, then upgraded, node by node), and the first loss, if any. */
function walk(model: UpgradeModel, order: readonly number[]) {
  const tracker = new OrderTracker(model.items, model.upgrades.length);
  const counts: number[] = [];
  for (const x of order) {
    counts.push(tracker.drained(x));
    tracker.upgrade(x, 1);
    counts.push(tracker.safe);
  }
  // The first moment a VM safe at the start is not: until then every such VM is safe, and a moment can change
  // only the VMs that can land on its node.
  const safeAtStart = model.vms.filter((vm) => safeIn(vm, () => false, -1));
  const byNode = new Map<number, typeof safeAtStart>();
  for (const vm of safeAtStart) {
    for (const x of vm.r) {
      const list = byNode.get(x);
      if (list) list.push(vm);
      else byNode.set(x, [vm]);
    }
  }
  const upgraded = new Set<number>();
  for (const [i, x] of order.entries()) {
    for (const drained of [x, -1]) {
      if (drained === -1) upgraded.add(x);
      const lost = (byNode.get(x) ?? []).filter((vm) => !safeIn(vm, (y) => upgraded.has(y), drained));
      if (lost.length > 0) return { counts, lost: { step: i + 1, whileDrained: drained !== -1, vms: lost } };
    }
  }
  return { counts, lost: null };
}

/**
 * An order of node upgrades that keeps the most VMs safe at every step: exact (over sets of upgraded nodes) for up
 * to 16 nodes, a greedy search with lookahead beyond. Each step is a node drained for its upgrade, then back with
 * the new release (COSRU drains a node before upgrading it). Judged by the fewest safe VMs at any moment, then
 * by the sum over them; among equals, the order that comes first in the order the upgrades were given.
 */
export function suggestOrder(
  clusters: readonly ClusterRecord[],
  upgrades: readonly Upgrade[],
  options: AnalyzeOptions,
): OrderSuggestion {
  const model = upgradeModel(clusters, upgrades, options);
  const k = upgrades.length;
  const exact = exactOrder(model.items, k, model.initialSafe);
  const order = exact ?? greedyOrder(model.items, k);
  const { counts, lost } = walk(model, order);
  const upgradesInOrder = order.map((x) => upgrades[x] as Upgrade);
  return {
    order: upgradesInOrder,
    worstSafe: Math.min(model.initialSafe, ...counts),
    initialSafe: model.initialSafe,
    keepsEverySafe: lost === null,
    exact: exact !== null,
    lost: lost && {
      step: lost.step,
      node: upgradesInOrder[lost.step - 1]?.node ?? '',
      whileDrained: lost.whileDrained,
      vms: lost.vms.map((vm) => vm.key),
    },
  };
}
