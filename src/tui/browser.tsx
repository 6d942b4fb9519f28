// After the scan: the views, keys, details and what-if over one analysed snapshot.

import { Box, Text, useApp, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { describeChange } from '../analyze/what-if.js';
import type { WhatIfJudge } from '../analyze/what-if-judge.js';
import type { ClusterRecord } from '../model/facts.js';
import { GATE_WORD } from '../report/gate-text.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { NodeDetails, VmDetails } from './details.js';
import { FindingsView } from './findings-view.js';
import { Help, ReleaseChooser } from './help.js';
import { actionFor, splitKeys } from './keymap.js';
import { GATE_COLOR } from './marks.js';
import { MatrixView } from './matrix-view.js';
import { NodesView } from './nodes-view.js';
import { findingGroups, matrixColumns, nodeRows, vmRows } from './rows.js';
import {
  chooseRelease,
  initialUiState,
  type ReduceContext,
  reduce,
  typeFilter,
  type UiState,
  VIEWS,
} from './ui-state.js';
import { useTerminalSize } from './use-terminal-size.js';
import { VmsView } from './vms-view.js';

export interface BrowserProps {
  readonly clusters: readonly ClusterRecord[];
  /** The run's judgement: the header shows the gate the exit code follows. */
  readonly judge: WhatIfJudge;
  readonly initial?: Partial<UiState>;
}

const VIEW_NAMES = { nodes: '1 Nodes', vms: '2 VMs', matrix: '3 Matrix', findings: '4 Findings' } as const;

type Key = Parameters<Parameters<typeof useInput>[0]>[1];

/** One key press: the new state, or 'quit'. */
export function handleKey(
  state: UiState,
  input: string,
  key: Partial<Key>,
  context: ReduceContext,
): UiState | 'quit' {
  if (state.overlay === 'release') {
    if (key.escape) return { ...state, overlay: 'none' };
    return /^[1-5]$/.test(input) ? chooseRelease(state, Number(input) - 1, context) : state;
  }
  if (state.filtering) {
    if (key.ctrl && input === 'c') return 'quit';
    if (key.escape || key.return) return { ...state, filtering: false };
    if (!key.upArrow && !key.downArrow) return typeFilter(state, input, Boolean(key.backspace || key.delete));
  }
  const action = actionFor(input, key);
  if (action === 'quit') return 'quit';
  return action ? reduce(state, action, context) : state;
}

export function Browser({ clusters, judge, initial }: BrowserProps) {
  const color = useColor();
  const { exit } = useApp();
  const { rows: terminalRows, columns } = useTerminalSize();
  const [state, setState] = useState<UiState>({ ...initialUiState, ...initial });
  const judgement = useMemo(() => judge(clusters, state.changes), [clusters, state.changes, judge]);
  const report = judgement.report;
  const nodes = useMemo(() => nodeRows(report, state.filter), [report, state.filter]);
  const vms = useMemo(
    () => vmRows(report, state.filter, state.atRiskOnly),
    [report, state.filter, state.atRiskOnly],
  );
  const groups = useMemo(() => findingGroups(report, state.filter), [report, state.filter]);
  const matrixCols = useMemo(() => matrixColumns(report), [report]);
  const listHeight = Math.max(3, terminalRows - (state.changes.length > 0 ? 6 : 5));
  const contextFor = (current: UiState) => {
    const rows = { nodes: nodes.length, vms: vms.length, matrix: vms.length, findings: groups.length }[
      current.view
    ];
    const at = Math.min(current.cursor[current.view], Math.max(0, rows - 1));
    const node = current.view === 'nodes' ? nodes[at] : undefined;
    return {
      rows,
      pageSize: listHeight,
      columns: matrixCols.length,
      selectedNode: node ? { cluster: node.cluster, node: node.node.name } : null,
    };
  };
  const context = contextFor(state);
  const cursor = Math.min(state.cursor[state.view], Math.max(0, context.rows - 1));
  const { selectedNode } = context;

  // ink may call a handler from the render before last: read the latest state and rows through a ref.
  const latest = useRef({ state, contextFor });
  latest.current = { state, contextFor };
  useInput((input, key) => {
    // Keys typed faster than a frame arrive together ("jjd"): handle them one by one.
    const keys = input.length > 1 && !key.ctrl && !key.meta ? splitKeys(input) : [[input, key] as const];
    let next = latest.current.state;
    for (const [char, info] of keys) {
      const result = handleKey(next, char, info, latest.current.contextFor(next));
      if (result === 'quit') return exit();
      next = result;
    }
    latest.current = { ...latest.current, state: next };
    setState(next);
  });

  const width = columns;
  const totals = report.counts;
  const verdict = judgement.gate.verdict;
  const body = (() => {
    if (state.overlay === 'help') return <Help />;
    if (state.overlay === 'release' && selectedNode) return <ReleaseChooser node={selectedNode.node} />;
    if (state.overlay === 'details') {
      if (state.view === 'nodes' && nodes[cursor]) return <NodeDetails row={nodes[cursor]} report={report} />;
      if ((state.view === 'vms' || state.view === 'matrix') && vms[cursor])
        return <VmDetails row={vms[cursor]} height={listHeight} />;
    }
    switch (state.view) {
      case 'nodes':
        return <NodesView rows={nodes} cursor={cursor} height={listHeight} />;
      case 'vms':
        return <VmsView rows={vms} cursor={cursor} height={listHeight} />;
      case 'matrix':
        return (
          <MatrixView
            rows={vms}
            columns={matrixCols}
            cursor={cursor}
            column={state.column}
            height={listHeight}
            width={width}
          />
        );
      case 'findings':
        return <FindingsView groups={groups} cursor={cursor} height={listHeight} />;
    }
  })();

  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold>avma-check</Text> {report.clusters.map((c) => sanitize(c.name, 30)).join(', ')}:{' '}
        <Text color={color(GATE_COLOR[verdict])} bold>
          {GATE_WORD[verdict]}
        </Text>{' '}
        <Text dimColor>
          {totals.atRisk} at risk · {totals.unknown} unknown · {totals.safe} safe
        </Text>
        {'   '}
        {VIEWS.map((view) => (
          <Text key={view} inverse={view === state.view}>
            {` ${VIEW_NAMES[view]} `}
          </Text>
        ))}
      </Text>
      {state.changes.length > 0 ? (
        <Text color={color('yellow')} inverse wrap="truncate-end">
          {` WHAT-IF: ${state.changes.map((change) => sanitize(describeChange(change), 80)).join('; ')} (hypothetical; r resets) `}
        </Text>
      ) : null}
      {body}
      <Text dimColor>
        {state.filtering ? (
          <Text color={color('cyan')}>filter: /{state.filter}█ </Text>
        ) : state.filter ? (
          `filter: ${state.filter}  `
        ) : (
          ''
        )}
        {state.atRiskOnly ? 'at-risk only  ' : ''}? help q quit
      </Text>
    </Box>
  );
}
