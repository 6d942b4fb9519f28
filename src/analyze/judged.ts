// The error and unknown rules that hit one subject (a node, a VM, a VM on a node), and the verdicts they make.
// Pure.
import type { TargetVerdict, VmVerdict } from '../model/report.js';
import type { Rule, Severity } from '../rules/types.js';

/** `accepted[i]` says whether entry i is accepted (by an ignore entry or the baseline). */
export interface Judged {
  readonly ids: string[];
  readonly severities: Severity[];
  readonly accepted: boolean[];
}

export const judged = (): Judged => ({ ids: [], severities: [], accepted: [] });

/** Shared by subjects nothing hit: never recorded into. */
export const NOTHING: Judged = judged();

/** Error and unknown hits decide verdicts; warnings are findings only. */
export function record(into: Judged, rule: Rule, accepted: boolean): void {
  if (rule.severity === 'warning') return;
  into.ids.push(rule.id);
  into.severities.push(rule.severity);
  into.accepted.push(accepted);
}

export function sameJudged(a: Judged, b: Judged): boolean {
  if (a.ids.length !== b.ids.length) return false;
  for (let i = 0; i < a.ids.length; i++)
    if (a.ids[i] !== b.ids[i] || a.accepted[i] !== b.accepted[i]) return false;
  return true;
}

/** What sameJudged compares, as one string. */
export function judgedKey(a: Judged): string {
  if (a.ids.length === 0) return '';
  let key = '';
  for (let i = 0; i < a.ids.length; i++) key += `${a.accepted[i] ? '+' : '-'}${a.ids[i]} `;
  return key;
}

/** The target's verdict with accepted findings left out; `lifted(i)` accepts the node's entry i for this VM. */
export function gateVerdict(
  onNode: Judged,
  onVm: Judged,
  onTarget: Judged | null,
  lifted: ((i: number) => boolean) | undefined,
): TargetVerdict {
  let verdict: TargetVerdict = 'ok';
  for (const [p, part] of [onNode, onVm, onTarget].entries()) {
    if (!part) continue;
    for (let i = 0; i < part.ids.length; i++) {
      if (part.accepted[i] || (p === 0 && lifted?.(i))) continue;
      if (part.severities[i] === 'error') return 'fail';
      verdict = 'unknown';
    }
  }
  return verdict;
}

/** The severities gateVerdict weighs: what no acceptance leaves out. */
export function openSeverities(
  onNode: Judged,
  onVm: Judged,
  onTarget: Judged | null,
  lifted: ((i: number) => boolean) | undefined,
): Severity[] {
  const open: Severity[] = [];
  for (const [p, part] of [onNode, onVm, onTarget].entries()) {
    if (!part) continue;
    for (let i = 0; i < part.ids.length; i++)
      if (!part.accepted[i] && !(p === 0 && lifted?.(i))) open.push(part.severities[i] as Severity);
  }
  return open;
}

/** The VM verdict of its targets' gate verdicts, as vmVerdict rolls up target results. */
export function vmGate(gates: readonly TargetVerdict[]): VmVerdict {
  if (gates.length === 0) return 'at-risk';
  let verdict: VmVerdict = 'safe';
  for (const gate of gates) {
    if (gate === 'fail') return 'at-risk';
    if (gate === 'unknown') verdict = 'unknown';
  }
  return verdict;
}
