// After the scan: the views, keys, details and what-if over the run's judgement, full height and no more: the
// frame is at most rows - 1 lines (ink clears the whole screen on every frame that fills the terminal).

import { Box, useApp, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { Change } from '../analyze/what-if.js';
import type { WhatIfJudge } from '../analyze/what-if-judge.js';
import type { ClusterRecord } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { type ColumnSpec, fitColumns } from './columns.js';
import { findingAt } from './finding-list.js';
import { FindingsView } from './findings-view.js';
import { Header, StatusLine, WhatIfBanner } from './frame.js';
import { handleKey } from './handle-key.js';
import { helpLines, releaseLines } from './help.js';
import { keyPresses } from './keymap.js';
import type { Line } from './lines.js';
import { LinesView, scrollRange } from './lines-view.js';
import { MatrixView } from './matrix-view.js';
import { NODE_COLUMNS, NodesView, withCluster } from './nodes-view.js';
import { type PlanCommandView, planLines } from './plan-lines.js';
import { unfilteredCount } from './rows.js';
import { SORTS_OF, sortLabel } from './sorting.js';
import { detailLines, type Subject, subjectKey } from './subject.js';
import { initialUiState, type ReduceContext, type UiState } from './ui-state.js';
import { useFollowNode } from './use-follow-node.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useViewRows } from './use-view-rows.js';
import { VmsView, vmColumns } from './vms-view.js';
import { whatIfDiff } from './what-if-diff.js';

export interface BrowserProps {
  readonly clusters: readonly ClusterRecord[];
  /** The run's judgement: the header shows the gate the exit code follows. */
  readonly judge: WhatIfJudge;
  readonly initial?: Partial<UiState>;
  /** The `avma-check plan` command of a what-if, from the CLI that knows the run's input. */
  readonly planCommand?: ((changes: readonly Change[]) => PlanCommandView) | undefined;
  /** Told, on quit, the what-if whose plan command is to be printed, if any. */
  readonly onQuit?: ((result: BrowserResult) => void) | undefined;
}

export interface BrowserResult {
  /** The what-if the user asked (p) to print as a plan command. */
  readonly plan: readonly Change[] | null;
}

function hiddenColumns(view: UiState['view'], width: number, several: boolean, whatIf: boolean): number {
  if (view !== 'nodes' && view !== 'vms') return 0;
  const specs: readonly ColumnSpec[] =
    view === 'nodes' ? withCluster(NODE_COLUMNS, several) : vmColumns(several, whatIf);
  return specs.length - fitColumns(specs, width - 2).length;
}

export function Browser({ clusters, judge, initial, planCommand, onQuit }: BrowserProps) {
  const { exit } = useApp();
  const { rows: terminalRows, columns } = useTerminalSize();
  const [state, setState] = useState<UiState>({ ...initialUiState, ...initial });
  // The clusters as they are, judged once; a what-if is judged against them to mark the VMs it changes.
  const asIs = useMemo(() => judge(clusters, []), [clusters, judge]);
  const judgement = useMemo(
    () => (state.changes.length === 0 ? asIs : judge(clusters, state.changes)),
    [asIs, clusters, state.changes, judge],
  );
  const diff = useMemo(() => whatIfDiff(asIs.report, judgement.report), [asIs, judgement]);
  const report = judgement.report;
  const rows = useViewRows(report, state, diff, judgement.findings);
  const { matrixCluster } = rows;
  const bodyHeight = Math.max(3, terminalRows - 1 - 2 - (state.changes.length > 0 ? 1 : 0));
  const width = Math.max(20, columns);
  const several = report.clusters.length > 1;

  const subjectAt = (current: UiState, at: number): Subject | null => {
    const node = current.view === 'nodes' ? rows.nodes()[at] : undefined;
    if (node) return { kind: 'node', cluster: node.cluster, name: node.node.name };
    const vm =
      current.view === 'vms' ? rows.vms()[at] : current.view === 'matrix' ? rows.matrix()[at] : undefined;
    if (vm) return { kind: 'vm', cluster: vm.cluster.name, name: vm.vm.name };
    const finding = current.view === 'findings' ? findingAt(rows.findings(), at)?.finding : undefined;
    if (!finding) return null;
    if (finding.vm !== null) return { kind: 'vm', cluster: finding.cluster, name: finding.vm };
    return finding.node === null ? null : { kind: 'node', cluster: finding.cluster, name: finding.node };
  };
  // Details are built once per subject and report, not on every key press.
  const overlayCache = useRef<{ key: string; report: Report; lines: Line[] } | null>(null);
  const overlayOf = (current: UiState, subject: Subject | null): Line[] => {
    if (current.overlay === 'help') return helpLines(width);
    if (current.overlay === 'plan') return planLines(planCommand?.(current.changes) ?? null, width);
    if (!subject) return [];
    if (current.overlay === 'release') return releaseLines(subject.name);
    if (current.overlay !== 'details') return [];
    const key = `${subjectKey(subject)}\u0000${width}`;
    const cached = overlayCache.current;
    if (cached?.key === key && cached.report === report) return cached.lines;
    const lines = detailLines(report, subject, width, diff);
    overlayCache.current = { key, report, lines };
    return lines;
  };

  const layoutFor = (current: UiState) => {
    const listed = current.view === 'findings' ? rows.findings().count : rows[current.view]().length;
    const at = Math.min(current.cursor[current.view], Math.max(0, listed - 1));
    const subject = listed > 0 ? subjectAt(current, at) : null;
    const overlay = overlayOf(current, subject);
    const context: ReduceContext = {
      rows: listed,
      pageSize: Math.max(1, bodyHeight - 2),
      columns: rows.matrixCols().length,
      sorts: SORTS_OF[current.view].length,
      clusters: report.clusters.length,
      maxScroll: scrollRange(overlay.length, bodyHeight).maxScroll,
      selectedNode:
        current.view === 'nodes' && subject ? { cluster: subject.cluster, node: subject.name } : null,
    };
    return { context, at, overlay };
  };
  const { context, at: cursor, overlay } = layoutFor(state);
  useFollowNode(report, state, rows.nodes, cursor, setState);

  // ink may call a handler from the render before last: read the latest state and layout through a ref.
  const latest = useRef({ state, layoutFor });
  latest.current = { state, layoutFor };
  useInput((input, key) => {
    let next = latest.current.state;
    for (const [char, info] of keyPresses(input, key)) {
      const result = handleKey(next, char, info, latest.current.layoutFor(next).context);
      if (result === 'quit') {
        onQuit?.({ plan: next.printPlan && next.changes.length > 0 ? next.changes : null });
        return exit();
      }
      next = result;
    }
    latest.current = { ...latest.current, state: next };
    setState(next);
  });

  const count = {
    shown: context.rows,
    of: state.view === 'matrix' ? (matrixCluster?.vms.length ?? 0) : unfilteredCount(report, state.view),
  };
  const sortKey = SORTS_OF[state.view][state.sort[state.view].index];
  const sortText = sortLabel(sortKey, state.sort[state.view].reverse);
  const sorted = sortKey?.column
    ? { key: sortKey.column, descending: sortKey.descending !== state.sort[state.view].reverse }
    : undefined;
  const body = (() => {
    if (state.overlay !== 'none' && overlay.length > 0)
      return <LinesView lines={overlay} height={bodyHeight} scroll={state.scroll} />;
    switch (state.view) {
      case 'nodes':
        return (
          <NodesView
            rows={rows.nodes()}
            cursor={cursor}
            height={bodyHeight}
            width={width}
            severalClusters={several}
            sorted={sorted}
          />
        );
      case 'vms':
        return (
          <VmsView
            rows={rows.vms()}
            cursor={cursor}
            height={bodyHeight}
            width={width}
            severalClusters={several}
            whatIf={state.changes.length > 0}
            sorted={sorted}
          />
        );
      case 'matrix':
        return (
          <MatrixView
            rows={rows.matrix()}
            columns={rows.matrixCols()}
            cluster={
              several && matrixCluster
                ? {
                    name: matrixCluster.name,
                    index: report.clusters.indexOf(matrixCluster),
                    of: report.clusters.length,
                  }
                : null
            }
            sortedBy={state.sort.matrix.index > 0 || state.sort.matrix.reverse ? sortText : ''}
            cursor={cursor}
            column={state.column}
            height={bodyHeight}
            width={width}
          />
        );
      case 'findings':
        return (
          <FindingsView
            list={rows.findings()}
            cursor={cursor}
            height={bodyHeight}
            width={width}
            severalClusters={several}
          />
        );
    }
  })();

  return (
    <Box flexDirection="column" width={width} height={Math.max(4, terminalRows - 1)}>
      {/* The run's own verdict, the one the exit code follows; a what-if's verdict is in its banner. */}
      <Header report={asIs.report} verdict={asIs.gate.verdict} view={state.view} width={width} />
      {state.changes.length > 0 ? (
        <WhatIfBanner
          changes={state.changes}
          diff={diff}
          verdict={judgement.gate.verdict}
          atRisk={report.counts.atRisk}
          severalClusters={several}
        />
      ) : null}
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {body}
      </Box>
      <StatusLine
        state={state}
        count={count}
        hidden={hiddenColumns(state.view, width, several, state.changes.length > 0)}
        sort={state.sort[state.view].index > 0 || state.sort[state.view].reverse ? sortText : ''}
      />
    </Box>
  );
}
