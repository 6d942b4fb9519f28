// The lines around every view: the header with the gate's verdict and the views, the what-if banner, and the
// status line with the filter and the keys to remember.
import { Text } from 'ink';
import type { GateVerdict } from '../analyze/gate.js';
import { describeChange } from '../analyze/what-if.js';
import type { Report } from '../model/report.js';
import { GATE_WORD } from '../report/gate-text.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { GATE_COLOR } from './marks.js';
import { type UiState, VIEWS } from './ui-state.js';
import type { WhatIfDiff } from './what-if-diff.js';

const VIEW_NAMES = { nodes: '1 Nodes', vms: '2 VMs', matrix: '3 Matrix', findings: '4 Findings' } as const;

export function Header({
  report,
  verdict,
  view,
  width,
}: {
  readonly report: Report;
  readonly verdict: GateVerdict;
  readonly view: UiState['view'];
  readonly width: number;
}) {
  const color = useColor();
  const totals = report.counts;
  const names = report.clusters.map((c) => sanitize(c.name, 30)).join(', ');
  const counts = `${totals.atRisk} at risk · ${totals.unknown} unknown · ${totals.safe} safe`;
  const full = `avma-check ${names}: ${GATE_WORD[verdict]} ${counts}   ${VIEWS.map((v) => ` ${VIEW_NAMES[v]} `).join('')}`;
  const tabs = VIEWS.map((name) => (
    <Text key={name} inverse={name === view}>
      {` ${VIEW_NAMES[name]} `}
    </Text>
  ));
  // Narrow: the current view only, before the counts, so the verdict and the view keep their place.
  if (Array.from(full).length > width) {
    return (
      <Text wrap="truncate-end">
        {names}:{' '}
        <Text color={color(GATE_COLOR[verdict])} bold>
          {GATE_WORD[verdict]}
        </Text>{' '}
        <Text inverse>{` ${VIEW_NAMES[view]} `}</Text> <Text dimColor>{counts}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      <Text bold>avma-check</Text> {names}:{' '}
      <Text color={color(GATE_COLOR[verdict])} bold>
        {GATE_WORD[verdict]}
      </Text>{' '}
      <Text dimColor>{counts}</Text>
      {'   '}
      {tabs}
    </Text>
  );
}

/**
 * What the what-if changes, counts first so that a narrow terminal cuts the list of changes, never the counts:
 * the verdict the changes would lead to (the header keeps the run's own, which the exit code follows).
 */
export function WhatIfBanner({
  changes,
  diff,
  verdict,
  atRisk,
  severalClusters,
}: {
  readonly changes: UiState['changes'];
  readonly diff: WhatIfDiff;
  readonly verdict: GateVerdict;
  readonly atRisk: number;
  readonly severalClusters: boolean;
}) {
  const color = useColor();
  const described = changes.map((change) => {
    const text = describeChange(change);
    return sanitize(severalClusters ? `${change.cluster}/${text}` : text, 80);
  });
  // " WHAT-IF  FAIL · 3 at risk · 0 newly at risk · 0 recovered: drain HV01" fits 80 columns; r resets (help).
  return (
    <Text wrap="truncate-end">
      <Text color={color('yellow')} inverse>
        {' WHAT-IF '}
      </Text>{' '}
      <Text color={color(GATE_COLOR[verdict])} bold>
        {GATE_WORD[verdict]}
      </Text>{' '}
      · {atRisk} at risk ·{' '}
      <Text color={color(diff.newlyAtRisk > 0 ? 'red' : undefined)}>{diff.newlyAtRisk} newly at risk</Text> ·{' '}
      <Text color={color(diff.recovered > 0 ? 'green' : undefined)}>{diff.recovered} recovered</Text>:{' '}
      {described.join('; ')}
    </Text>
  );
}

export interface Shown {
  /** Rows the view lists now, and without its filter. */
  readonly shown: number;
  readonly of: number;
}

export function StatusLine({
  state,
  count,
  hidden,
  sort,
}: {
  readonly state: UiState;
  /** The sort, when not the view's default. */
  readonly sort: string;
  readonly count: Shown;
  /** Columns too wide for the terminal: the details show them. */
  readonly hidden: number;
}) {
  const color = useColor();
  const filter = state.filter[state.view];
  const narrowed = filter !== '' || (state.atRiskOnly && (state.view === 'vms' || state.view === 'matrix'));
  const parts = [
    filter && !state.filtering ? `filter: ${filter}` : '',
    state.atRiskOnly && (state.view === 'vms' || state.view === 'matrix') ? 'at-risk only' : '',
    // While typing, the filter's own prompt shows the count.
    narrowed && !state.filtering ? `(${count.shown} of ${count.of})` : '',
    sort ? `sort: ${sort}` : '',
    state.printPlan && state.changes.length > 0 ? 'plan command printed on quit' : '',
  ].filter(Boolean);
  const more =
    hidden > 0 && state.overlay === 'none' ? `Enter: ${hidden} more column${hidden === 1 ? '' : 's'} · ` : '';
  return (
    <Text dimColor wrap="truncate-end">
      {state.notice ? <Text color={color('yellow')}>{state.notice} </Text> : null}
      {state.filtering ? (
        <Text color={color('cyan')}>
          filter: /{filter}█ ({count.shown} of {count.of}) Enter keep · Esc clear{'  '}
        </Text>
      ) : null}
      {parts.length > 0 ? `${parts.join(' ')}  ` : ''}
      {more}? help · Esc back · q quit
    </Text>
  );
}
