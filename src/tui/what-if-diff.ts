// Which VMs a what-if changes: at risk now and not before (newly at risk), or the other way round (recovered),
// by comparing the judgement with the changes to the one without.
import { riskChanges } from '../analyze/risk-changes.js';
import type { Report } from '../model/report.js';

export type VmChange = 'newly-at-risk' | 'recovered';

export const CHANGE_TEXT: Record<VmChange, string> = {
  'newly-at-risk': 'newly at risk',
  recovered: 'recovered',
};
export const CHANGE_COLOR: Record<VmChange, string> = { 'newly-at-risk': 'red', recovered: 'green' };

export const vmKey = (cluster: string, vm: string) => `${cluster}\u0000${vm}`;

export interface WhatIfDiff {
  readonly changed: ReadonlyMap<string, VmChange>;
  readonly newlyAtRisk: number;
  readonly recovered: number;
}

export const NO_DIFF: WhatIfDiff = { changed: new Map(), newlyAtRisk: 0, recovered: 0 };

export function whatIfDiff(before: Report, after: Report): WhatIfDiff {
  if (before === after) return NO_DIFF;
  const { newly, recovered } = riskChanges(before, after, (vm) => vm.verdict === 'at-risk');
  const changed = new Map<string, VmChange>();
  for (const ref of newly) changed.set(vmKey(ref.cluster, ref.vm), 'newly-at-risk');
  for (const ref of recovered) changed.set(vmKey(ref.cluster, ref.vm), 'recovered');
  return { changed, newlyAtRisk: newly.length, recovered: recovered.length };
}
