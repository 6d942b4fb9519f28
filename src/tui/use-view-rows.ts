// What each view lists for a report and the UI state: filtered, then sorted, each step memoised so that moving
// the cursor through 8,000 VMs neither filters nor sorts again. Each list is made only when asked for: a what-if
// drain on the Nodes view does not build the rows of the VMs, Matrix and Findings views (lists of 8,000 VMs).
import { useMemo } from 'react';
import type { RunFinding } from '../analyze/judge.js';
import type { Report } from '../model/report.js';
import { findingList } from './finding-list.js';
import { findingGroups, matrixColumns, nodeRows, vmRows } from './rows.js';
import { FINDING_SORTS, NODE_SORTS, sortRows, VM_SORTS } from './sorting.js';
import type { UiState } from './ui-state.js';
import type { WhatIfDiff } from './what-if-diff.js';

/** A value computed on first use, then kept. */
function lazy<T>(compute: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: compute() };
    return made.value;
  };
}

export function useViewRows(
  report: Report,
  state: UiState,
  diff: WhatIfDiff,
  runFindings: readonly RunFinding[] = [],
) {
  const { filter, sort, atRiskOnly } = state;
  const nodesFound = useMemo(() => lazy(() => nodeRows(report, filter.nodes)), [report, filter.nodes]);
  const nodes = useMemo(
    () => lazy(() => sortRows(nodesFound(), NODE_SORTS[sort.nodes.index], sort.nodes.reverse)),
    [nodesFound, sort.nodes],
  );
  const vmsFound = useMemo(
    () => lazy(() => vmRows(report, { filter: filter.vms, atRiskOnly, diff })),
    [report, filter.vms, atRiskOnly, diff],
  );
  const vms = useMemo(
    () => lazy(() => sortRows(vmsFound(), VM_SORTS[sort.vms.index], sort.vms.reverse)),
    [vmsFound, sort.vms],
  );
  const matrixCluster = report.clusters[Math.min(state.matrixCluster, report.clusters.length - 1)];
  const matrixFound = useMemo(
    () =>
      lazy(() =>
        matrixCluster ? vmRows(report, { filter: filter.matrix, atRiskOnly, only: matrixCluster, diff }) : [],
      ),
    [report, matrixCluster, filter.matrix, atRiskOnly, diff],
  );
  const matrix = useMemo(
    () => lazy(() => sortRows(matrixFound(), VM_SORTS[sort.matrix.index], sort.matrix.reverse)),
    [matrixFound, sort.matrix],
  );
  const matrixCols = useMemo(
    () => lazy(() => (matrixCluster ? matrixColumns(matrixCluster) : [])),
    [matrixCluster],
  );
  const groupsFound = useMemo(
    () => lazy(() => findingGroups(report, filter.findings, runFindings)),
    [report, filter.findings, runFindings],
  );
  const groups = useMemo(
    () => lazy(() => sortRows(groupsFound(), FINDING_SORTS[sort.findings.index], sort.findings.reverse)),
    [groupsFound, sort.findings],
  );
  const findings = useMemo(() => lazy(() => findingList(groups())), [groups]);
  return { nodes, vms, matrix, matrixCluster, matrixCols, findings };
}
