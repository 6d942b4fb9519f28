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
 * The target findings kept from last time, for targets `old`, with those on old[from, oldTo) replaced by the
 * middle ones. Findings are in target order and name their node by record (`on`): only records are compared,
 * the findings themselves never read, and a VM with no finding where its targets changed keeps the same object.
 */
export function splicedFindings(
  kept: TargetFindings | null,
  old: readonly NodeRecord[],
  from: number,
  oldTo: number,
  middleFindings: readonly Finding[],
  middleOn: readonly NodeRecord[],
): TargetFindings | null {
  if (!kept) return middleFindings.length > 0 ? { findings: middleFindings, on: middleOn } : null;
  const { findings, on } = kept;
  // Findings on old[0, from) come first, then those on old[from, oldTo): walk both lists side by side.
  let lo = 0;
  for (let i = 0; i < from && lo < on.length; i++) while (lo < on.length && on[lo] === old[i]) lo++;
  let hi = lo;
  for (let i = from; i < oldTo && hi < on.length; i++) while (hi < on.length && on[hi] === old[i]) hi++;
  if (lo === hi && middleFindings.length === 0) return kept;
  if (lo === 0 && hi === on.length && middleFindings.length === 0) return null;
  return {
    findings: findings.slice(0, lo).concat(middleFindings, findings.slice(hi)),
    on: on.slice(0, lo).concat(middleOn, on.slice(hi)),
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
