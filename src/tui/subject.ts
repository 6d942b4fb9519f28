// What details are shown for: a node or a VM of a cluster, found again in whichever report is on screen, so the
// details follow a what-if and can be opened from any view (Findings included).
import type { Report } from '../model/report.js';
import { failingByNode, nodeFindings } from './blame.js';
import { nodeDetailLines, vmDetailLines } from './details.js';
import type { Line } from './lines.js';
import { vmKey, type WhatIfDiff } from './what-if-diff.js';

export interface Subject {
  readonly kind: 'node' | 'vm';
  readonly cluster: string;
  readonly name: string;
}

export const subjectKey = (subject: Subject | null) =>
  subject ? `${subject.kind}\u0000${subject.cluster}\u0000${subject.name}` : '';

export function detailLines(report: Report, subject: Subject, width: number, diff: WhatIfDiff): Line[] {
  const cluster = report.clusters.find((c) => c.name === subject.cluster);
  if (!cluster) return [];
  if (subject.kind === 'vm') {
    const vm = cluster.vms.find((v) => v.name === subject.name);
    if (!vm) return [];
    const ok = vm.targets.filter((t) => t.verdict === 'ok').length;
    const change = diff.changed.get(vmKey(cluster.name, vm.name)) ?? null;
    return vmDetailLines({ cluster, vm, ok, change }, width);
  }
  const node = cluster.nodes.find((n) => n.name === subject.name);
  if (!node) return [];
  const row = {
    cluster: cluster.name,
    node,
    failing: failingByNode(cluster).get(node.name) ?? 0,
    problems: nodeFindings(cluster).get(node.name) ?? [],
  };
  return nodeDetailLines(row, cluster, width);
}
