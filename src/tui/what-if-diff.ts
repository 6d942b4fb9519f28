// Which VMs a what-if changes: at risk now and not before (newly at risk), or the other way round (recovered),
// by comparing the judgement with the changes to the one without.
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
  const wasAtRisk = new Set<string>();
  for (const cluster of before.clusters)
    for (const vm of cluster.vms) if (vm.verdict === 'at-risk') wasAtRisk.add(vmKey(cluster.name, vm.name));
  const changed = new Map<string, VmChange>();
  let newlyAtRisk = 0;
  for (const cluster of after.clusters) {
    for (const vm of cluster.vms) {
      const key = vmKey(cluster.name, vm.name);
      const now = vm.verdict === 'at-risk';
      const was = wasAtRisk.has(key);
      if (now && !was) {
        changed.set(key, 'newly-at-risk');
        newlyAtRisk++;
      } else if (!now && was) changed.set(key, 'recovered');
    }
  }
  return { changed, newlyAtRisk, recovered: changed.size - newlyAtRisk };
}
