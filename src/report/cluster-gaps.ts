// What a cluster as a whole is missing (a node that could not list its VMs): its findings that name no node or
// VM, are no warning and are not accepted. Every human format lists them, never only JSON.
import type { ClusterResult, Finding } from '../model/report.js';

export function clusterGaps(cluster: ClusterResult): Finding[] {
  return cluster.findings.filter(
    (f) => f.node === null && f.vm === null && f.severity !== 'warning' && !f.accepted,
  );
}
