// What changed in a VM's targets since they were last judged (judge-vm.ts), and the lists kept from then with
// only that part replaced: a step that drains, upgrades or adds one node changes one position of each list.
// Pure.
import type { NodeRecord } from '../model/facts.js';
import type { TargetFindings } from './analysis-state.js';

/**
 * Where `targets` differ from the targets judged last time: positions [from, to) of `targets` replace positions
 * [from, oldTo) of `old`; the rest are the same nodes in the same order. A step that drains, upgrades or adds one
 * node changes one position.
 */
export function changedSpan(old: readonly NodeRecord[], targets: readonly NodeRecord[]) {
  const most = Math.min(old.length, targets.length);
  let from = 0;
  while (from < most && old[from] === targets[from]) from++;
  let tail = 0;
  while (tail < most - from && old[old.length - 1 - tail] === targets[targets.length - 1 - tail]) tail++;
  return { from, to: targets.length - tail, oldTo: old.length - tail };
}

/**
 * The target findings kept from last time with those of targets [from, oldTo) replaced by `middle`, found at
 * targets [from, to) now: integer positions are scanned, the findings themselves never read.
 */
export function splicedFindings(
  kept: TargetFindings | null,
  from: number,
  oldTo: number,
  to: number,
  middle: TargetFindings,
): TargetFindings | null {
  if (!kept) return middle.findings.length > 0 ? middle : null;
  const { findings, at } = kept;
  let lo = 0;
  while (lo < at.length && (at[lo] as number) < from) lo++;
  let hi = lo;
  while (hi < at.length && (at[hi] as number) < oldTo) hi++;
  const shift = to - oldTo;
  if (lo === hi && middle.findings.length === 0 && shift === 0) return kept;
  if (lo === 0 && hi === at.length && middle.findings.length === 0) return null;
  const tail = at.slice(hi);
  if (shift !== 0) for (let k = 0; k < tail.length; k++) tail[k] = (tail[k] as number) + shift;
  return {
    findings: findings.slice(0, lo).concat(middle.findings, findings.slice(hi)),
    at: at.slice(0, lo).concat(middle.at, tail),
  };
}

/** `old` with positions [from, oldTo) replaced by `middle`: one native copy, not a loop over every target. */
export function spliced<T>(old: readonly T[], from: number, oldTo: number, middle: readonly T[]): T[] {
  if (oldTo - from === middle.length) {
    const out = old.slice();
    for (let k = 0; k < middle.length; k++) out[from + k] = middle[k] as T;
    return out;
  }
  return old.slice(0, from).concat(middle, old.slice(oldTo));
}
