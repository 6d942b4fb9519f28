// Which VMs a change puts at risk or takes out of it, by comparing two reports of the same clusters (a plan's
// steps, the terminal UI's what-if against the run). Pure.
import type { Report, VmResult } from '../model/report.js';

export interface VmRef {
  readonly cluster: string;
  readonly vm: string;
}

export interface RiskChanges {
  /** At risk after and not before, in report order. */
  readonly newly: VmRef[];
  /** At risk before and not after, in report order. */
  readonly recovered: VmRef[];
}

/** Whether two reports list the same clusters with as many VMs each: then VM i is the same VM in both. */
function aligned(before: Report, after: Report): boolean {
  return (
    before.clusters.length === after.clusters.length &&
    before.clusters.every((c, i) => {
      const d = after.clusters[i];
      return d !== undefined && d.name === c.name && d.vms.length === c.vms.length;
    })
  );
}

function byNames(before: Report, after: Report, atRisk: (vm: VmResult) => boolean): RiskChanges {
  const key = (cluster: string, vm: string) => `${cluster}\u0000${vm}`;
  const riskIn = (report: Report) => {
    const keys = new Set<string>();
    for (const c of report.clusters) for (const vm of c.vms) if (atRisk(vm)) keys.add(key(c.name, vm.name));
    return keys;
  };
  const was = riskIn(before);
  const is = riskIn(after);
  const missing = (report: Report, from: Set<string>, other: Set<string>) =>
    report.clusters.flatMap((c) =>
      c.vms
        .filter((vm) => from.has(key(c.name, vm.name)) && !other.has(key(c.name, vm.name)))
        .map((vm) => ({ cluster: c.name, vm: vm.name })),
    );
  return { newly: missing(after, is, was), recovered: missing(before, was, is) };
}

/**
 * A what-if or a plan step changes nodes, never VMs: each cluster's VMs stay where they were, and only those
 * whose result changed are looked at. Reports that do not line up are compared by names.
 */
export function riskChanges(before: Report, after: Report, atRisk: (vm: VmResult) => boolean): RiskChanges {
  if (!aligned(before, after)) return byNames(before, after, atRisk);
  const newly: VmRef[] = [];
  const recovered: VmRef[] = [];
  before.clusters.forEach((c, i) => {
    const vms = after.clusters[i]?.vms ?? c.vms;
    if (vms === c.vms) return;
    for (let k = 0; k < vms.length; k++) {
      const was = c.vms[k] as VmResult;
      const is = vms[k] as VmResult;
      if (was === is) continue;
      const risk = atRisk(is);
      if (risk !== atRisk(was)) (risk ? newly : recovered).push({ cluster: c.name, vm: is.name });
    }
  });
  return { newly, recovered };
}
