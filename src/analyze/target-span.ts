// What changed in a VM's targets since they were last judged (judge-vm.ts), and the lists kept from then with
// only that part replaced: a step that drains, upgrades or adds one node changes one position of each list.
// Pure.
import type { NodeRecord } from '../model/facts.js';
import type { Finding } from '../model/report.js';
import type { TargetFindings } from './analysis-state.js';

/**
 * Where `targets` differ from the targets judged last time, `old`: they agree on the first `from` positions and
 * on the last `tail` (commonTail); positions [from, length - tail) of `targets` replace those of `old`. A step
 * that drains, upgrades or adds one node changes one position.
 */
export function commonHead(old: readonly NodeRecord[], targets: readonly NodeRecord[]): number {
  const most = Math.min(old.length, targets.length);
  let from = 0;
  while (from < most && old[from] === targets[from]) from++;
  return from;
}

/** How many positions at the end agree, not counting the first `from`. */
export function commonTail(old: readonly NodeRecord[], targets: readonly NodeRecord[], from: number): number {
  const most = Math.min(old.length, targets.length) - from;
  let tail = 0;
  while (tail < most && old[old.length - 1 - tail] === targets[targets.length - 1 - tail]) tail++;
  return tail;
}

/**
 * The target findings kept from last time with those of targets [from, oldTo) replaced by the middle ones, found at
 * targets [from, to) now: integer positions are scanned, the findings themselves never read.
 */
export function splicedFindings(
  kept: TargetFindings | null,
  from: number,
  oldTo: number,
  to: number,
  middleFindings: readonly Finding[],
  middleAt: readonly number[],
): TargetFindings | null {
  if (!kept) return middleFindings.length > 0 ? { findings: middleFindings, at: middleAt } : null;
  const { findings, at } = kept;
  let lo = 0;
  while (lo < at.length && (at[lo] as number) < from) lo++;
  let hi = lo;
  while (hi < at.length && (at[hi] as number) < oldTo) hi++;
  const shift = to - oldTo;
  if (lo === hi && middleFindings.length === 0 && shift === 0) return kept;
  if (lo === 0 && hi === at.length && middleFindings.length === 0) return null;
  const tail = at.slice(hi);
  if (shift !== 0) for (let k = 0; k < tail.length; k++) tail[k] = (tail[k] as number) + shift;
  return {
    // Only moved: the same findings, at new positions.
    findings:
      lo === hi && middleFindings.length === 0
        ? findings
        : findings.slice(0, lo).concat(middleFindings, findings.slice(hi)),
    at: at.slice(0, lo).concat(middleAt, tail),
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
