// Suggested order of a rolling upgrade: the order of node upgrades that keeps the most VMs safe. Pure.
import type { LtscRelease } from '../domain/releases.js';
import { LTSC_RELEASES } from '../domain/releases.js';
import type { ClusterRecord } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { type AnalyzeOptions, analyze } from './analyze.js';
import { vmKey } from './plan.js';
import { applyChanges, type Change } from './what-if.js';

export interface OrderSuggestion {
  /** Node upgrades in the order found; empty when there is nothing to upgrade. */
  order: { cluster: string; node: string; release: LtscRelease }[];
  /** The fewest VMs safe at any step of that order, and at the start. */
  worstSafe: number;
  initialSafe: number;
  /** True when every VM safe at the start stays safe at every step. */
  keepsEverySafe: boolean;
  /** True when every order was weighed; false when the order comes from a heuristic search. */
  exact: boolean;
  /** When no order keeps them: the first step of the best order that loses VMs, when, and which. */
  lost: { step: number; node: string; whileDrained: boolean; vms: string[] } | null;
}

const MAX_EXHAUSTIVE = 7;

function safeKeys(report: Report): Set<string> {
  return new Set(
    report.clusters.flatMap((c) =>
      c.vms.filter((vm) => vm.verdict === 'safe').map((vm) => vmKey(c.name, vm.name)),
    ),
  );
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

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * An order of node upgrades that keeps the most VMs safe at every step: every order for up to 7 nodes, a greedy
 * choice beyond. Each step is a node drained for its upgrade, then back with the new release (COSRU drains a node
 * before upgrading it). Judged by the fewest safe VMs at any moment, then by the sum over them.
 */
export function suggestOrder(
  clusters: readonly ClusterRecord[],
  upgrades: readonly { cluster: string; node: string; release: LtscRelease }[],
  options: AnalyzeOptions,
): OrderSuggestion {
  const initial = safeKeys(analyze(clusters, options));
  const score = (order: typeof upgrades) => {
    const counts: Set<string>[] = [];
    const changes: Change[] = [];
    for (const u of order) {
      counts.push(
        safeKeys(
          analyze(
            applyChanges(clusters, [...changes, { kind: 'drain', cluster: u.cluster, node: u.node }]),
            options,
          ),
        ),
      );
      changes.push({ kind: 'upgrade', ...u });
      counts.push(safeKeys(analyze(applyChanges(clusters, changes), options)));
    }
    return {
      counts,
      worst: Math.min(initial.size, ...counts.map((c) => c.size)),
      sum: counts.reduce((s, c) => s + c.size, 0),
    };
  };
  let best: { order: typeof upgrades; counts: Set<string>[]; worst: number; sum: number };
  if (upgrades.length <= MAX_EXHAUSTIVE) {
    best = permutations(upgrades)
      .map((order) => ({ order, ...score(order) }))
      .reduce((a, b) => (b.worst > a.worst || (b.worst === a.worst && b.sum > a.sum) ? b : a));
  } else {
    const order: (typeof upgrades)[number][] = [];
    const left = [...upgrades];
    while (left.length > 0) {
      const pick = left
        .map((u, i) => ({ i, s: score([...order, u]) }))
        .reduce((a, b) => (b.s.worst > a.s.worst || (b.s.worst === a.s.worst && b.s.sum > a.s.sum) ? b : a));
      order.push(...left.splice(pick.i, 1));
    }
    best = { order, ...score(order) };
  }
  const lostAt = best.counts.findIndex((safe) => [...initial].some((key) => !safe.has(key)));
  const step = Math.floor(lostAt / 2);
  return {
    order: [...best.order],
    worstSafe: best.worst,
    initialSafe: initial.size,
    keepsEverySafe: lostAt < 0,
    exact: upgrades.length <= MAX_EXHAUSTIVE,
    lost:
      lostAt < 0
        ? null
        : {
            step: step + 1,
            node: best.order[step]?.node ?? '',
            whileDrained: lostAt % 2 === 0,
            vms: [...initial].filter((key) => !best.counts[lostAt]?.has(key)),
          },
  };
}
