// What each view lists, from a report: pure, so views only render and tests need no React.

import type { RunFinding } from '../analyze/judge.js';
import type { NodeRecord } from '../model/facts.js';
import type { ClusterResult, Finding, Report, VmResult } from '../model/report.js';
import { ruleById } from '../rules/index.js';
import type { Severity } from '../rules/types.js';
import { failingByNode, nodeFindings } from './blame.js';
import { NO_DIFF, type VmChange, vmKey, type WhatIfDiff } from './what-if-diff.js';

export interface NodeRow {
  cluster: string;
  node: NodeRecord;
  /** VMs that fail because of this node (blame.ts): the node to fix has the most. */
  failing: number;
  /** The node's own findings, errors first. */
  problems: readonly Finding[];
}

export interface VmRow {
  cluster: ClusterResult;
  vm: VmResult;
  ok: number;
  /** What the what-if on screen changed for the VM, if anything. */
  change: VmChange | null;
}

export interface FindingGroup {
  rule: string;
  severity: Severity;
  title: string;
  explanation: string;
  remedy: string;
  findings: Finding[];
}

export const matches = (name: string, filter: string) =>
  !filter || name.toLowerCase().includes(filter.toLowerCase());

/** How many rows a view lists without its filter, for "filter: x (N of M)". */
export function unfilteredCount(report: Report, view: 'nodes' | 'vms' | 'findings'): number {
  let total = 0;
  for (const cluster of report.clusters)
    total += { nodes: cluster.nodes, vms: cluster.vms, findings: cluster.findings }[view].length;
  return total;
}

export function nodeRows(report: Report, filter: string): NodeRow[] {
  return report.clusters.flatMap((cluster) => {
    const failing = failingByNode(cluster);
    const problems = nodeFindings(cluster);
    return cluster.nodes
      .filter((node) => matches(node.name, filter))
      .map((node) => ({
        cluster: cluster.name,
        node,
        failing: failing.get(node.name) ?? 0,
        problems: problems.get(node.name) ?? [],
      }));
  });
}

export interface VmFilter {
  readonly filter: string;
  readonly atRiskOnly: boolean;
  /** Only this cluster's VMs (the Matrix). */
  readonly only?: ClusterResult | undefined;
  readonly diff?: WhatIfDiff;
}

/** The VMs that match the filter, with what the what-if changed for each. */
export function vmRows(report: Report, { filter, atRiskOnly, only, diff = NO_DIFF }: VmFilter): VmRow[] {
  return (only ? [only] : report.clusters).flatMap((cluster) =>
    cluster.vms
      .filter((vm) => matches(vm.name, filter) && (!atRiskOnly || vm.verdict === 'at-risk'))
      .map((vm) => ({
        cluster,
        vm,
        ok: vm.targets.filter((t) => t.verdict === 'ok').length,
        change: diff.changed.get(vmKey(cluster.name, vm.name)) ?? null,
      })),
  );
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, unknown: 1, warning: 2 };

/** A finding about the run itself (an expired ignore entry) as the Findings view lists it: about no cluster. */
function runFindingRow(finding: RunFinding): Finding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    cluster: '',
    node: null,
    vm: null,
    // Where the entry is comes first: a narrow terminal cuts the end of the line.
    message: finding.source ? `${finding.source}: ${finding.message}` : finding.message,
  };
}

/**
 * Each rule's findings, the run's own (an expired ignore entry, which fails a run under --fail-on warning)
 * included: the view lists what the verdict weighs.
 */
export function findingGroups(
  report: Report,
  filter: string,
  runFindings: readonly RunFinding[] = [],
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const all = runFindings.length > 0 ? [runFindings.map(runFindingRow)] : [];
  for (const findings of [...report.clusters.map((cluster) => cluster.findings), ...all]) {
    for (const finding of findings) {
      if (filter && !matches(`${finding.node ?? ''} ${finding.vm ?? ''}`, filter)) continue;
      let group = groups.get(finding.rule);
      if (!group) {
        const rule = ruleById(finding.rule);
        group = {
          rule: finding.rule,
          severity: finding.severity,
          title: rule?.title ?? finding.rule,
          explanation: rule?.explanation ?? '',
          remedy: rule?.remedy ?? '',
          findings: [],
        };
        groups.set(finding.rule, group);
      }
      group.findings.push(finding);
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length,
  );
}

export type CellMark = 'ok' | 'fail' | 'unknown' | 'not-owner';

export const CELL_TEXT: Record<CellMark, string> = { ok: '✓', fail: '✗', unknown: '?', 'not-owner': '·' };

/** The matrix columns: the nodes of one cluster (the Matrix shows one at a time). */
export function matrixColumns(cluster: ClusterResult): { cluster: string; node: string }[] {
  return cluster.nodes.map((node) => ({ cluster: cluster.name, node: node.name }));
}

export function cellMark(row: VmRow, column: { cluster: string; node: string }): CellMark {
  if (row.cluster.name !== column.cluster) return 'not-owner';
  const target = row.vm.targets.find((t) => t.node === column.node);
  return target ? target.verdict : 'not-owner';
}
