// The order of upgrades that keeps the most VMs safe: first the most at the worst moment, then the most summed
// over every moment (each node drained for its upgrade, then upgraded). Exact over sets of upgraded nodes by
// dynamic programming where that is affordable; greedy with one step of lookahead beyond. Pure.
import { OrderTracker } from './order-tracker.js';
import type { Item } from './upgrade-model.js';

export const MAX_EXACT = 16;
/** Subset enumerations the exact search may do (about a second on these machines). */
const EXACT_BUDGET = 120_000_000;

const bits = (xs: readonly number[]) => xs.reduce((m, x) => m | (1 << x), 0);

/** Adds n to table[U] for every U that holds all of `must` and none of `never` (within k nodes). */
function addOver(table: Int32Array, k: number, must: number, never: number, n: number): void {
  const free = ((1 << k) - 1) & ~must & ~never;
  for (let sub = free; ; sub = (sub - 1) & free) {
    table[must | sub] = (table[must | sub] as number) + n;
    if (sub === 0) break;
  }
}

const popcount = (m: number) => {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
};

/** The best order, or null when the exact search would cost too much. */
export function exactOrder(items: readonly Item[], k: number, initialSafe: number): number[] | null {
  if (k > MAX_EXACT) return null;
  const full = (1 << k) - 1;
  const masks = items.map((item) => ({ ...item, am: bits(item.a), bm: bits(item.b), rm: bits(item.r) }));
  let cost = 0;
  for (const m of masks) cost += (k + 1) * 2 ** (k - popcount(m.am | m.bm));
  if (cost > EXACT_BUDGET) return null;
  // up[U]: safe with U upgraded; drain[d][U]: safe with U upgraded and d drained (d not in U).
  const up = new Int32Array(full + 1);
  const drain = Array.from({ length: k }, () => new Int32Array(full + 1));
  for (const m of masks) {
    if ((m.am & m.bm) === 0) addOver(up, k, m.bm, m.am, m.n);
    for (let d = 0; d < k; d++) {
      const bit = 1 << d;
      if (m.targets - ((m.rm & bit) !== 0 ? 1 : 0) < 1) continue;
      const must = m.bm & ~bit;
      if ((must & (m.am | bit)) === 0) addOver(drain[d] as Int32Array, k, must, m.am | bit, m.n);
    }
  }
  const value = (u: number, d: number) => Math.min(drain[d]?.[u] ?? 0, up[u | (1 << d)] ?? 0);
  // Backward: the best worst moment from U on, then the best sum from U on without going below it.
  const bestMin = new Float64Array(full + 1).fill(-1);
  bestMin[full] = Number.POSITIVE_INFINITY;
  for (let u = full - 1; u >= 0; u--) {
    for (let d = 0; d < k; d++) {
      if (u & (1 << d)) continue;
      const m = Math.min(value(u, d), bestMin[u | (1 << d)] as number);
      if (m > (bestMin[u] as number)) bestMin[u] = m;
    }
  }
  const floor = Math.min(initialSafe, bestMin[0] as number);
  const bestSum = new Float64Array(full + 1).fill(Number.NEGATIVE_INFINITY);
  bestSum[full] = 0;
  const step = (u: number, d: number) =>
    value(u, d) >= floor
      ? (drain[d]?.[u] ?? 0) + (up[u | (1 << d)] ?? 0) + (bestSum[u | (1 << d)] as number)
      : Number.NEGATIVE_INFINITY;
  for (let u = full - 1; u >= 0; u--)
    for (let d = 0; d < k; d++) if (!(u & (1 << d))) bestSum[u] = Math.max(bestSum[u] as number, step(u, d));
  // Forward: the first node (in the given order) that keeps the best, at every step.
  const order: number[] = [];
  for (let u = 0; u !== full; ) {
    let d = 0;
    while ((u & (1 << d)) !== 0 || step(u, d) !== bestSum[u]) d++;
    order.push(d);
    u |= 1 << d;
  }
  return order;
}

/** Greedy: at each step the node whose drain and upgrade keep the most, looking one step further on ties. */
export function greedyOrder(items: readonly Item[], k: number): number[] {
  const tracker = new OrderTracker(items, k);
  const order: number[] = [];
  let worst = Number.POSITIVE_INFINITY;
  const pair = (x: number) => [tracker.drained(x), tracker.afterUpgrade(x)] as const;
  while (order.length < k) {
    let best: { x: number; key: [number, number, number] } | null = null;
    for (let x = 0; x < k; x++) {
      if (tracker.isUpgraded(x)) continue;
      const [drained, upgraded] = pair(x);
      const now = Math.min(worst, drained, upgraded);
      tracker.upgrade(x, 1);
      let next = Number.NEGATIVE_INFINITY;
      for (let y = 0; y < k; y++) {
        if (tracker.isUpgraded(y)) continue;
        const [d2, u2] = pair(y);
        next = Math.max(next, Math.min(d2, u2));
      }
      tracker.upgrade(x, -1);
      const key: [number, number, number] = [now, Math.min(now, next), drained + upgraded];
      if (
        !best ||
        key[0] > best.key[0] ||
        (key[0] === best.key[0] && (key[1] > best.key[1] || (key[1] === best.key[1] && key[2] > best.key[2])))
      )
        best = { x, key };
    }
    if (!best) break;
    order.push(best.x);
    worst = best.key[0];
    tracker.upgrade(best.x, 1);
  }
  return order;
}
