// The Nodes view: the node to fix stands out by the VMs failing because of it and its own problems.
import { Box, Text } from 'ink';
import { activationText, editionText, hyperVText, releaseText } from '../report/describe.js';
import { nodeStateText } from '../report/remarks.js';
import { sanitize } from '../report/sanitize.js';
import { type ColumnSpec, fitColumns } from './columns.js';
import { SEVERITY_COLOR } from './marks.js';
import type { NodeRow } from './rows.js';
import { type Cell, TableHeader, TableRow } from './table.js';
import { visibleWindow } from './window.js';

type NodeColumn =
  | 'node'
  | 'cluster'
  | 'failing'
  | 'state'
  | 'release'
  | 'edition'
  | 'activation'
  | 'hyperV'
  | 'problems';

export const CLUSTER_COLUMN = { key: 'cluster', header: 'cluster', min: 8, ideal: 14, priority: 1 } as const;

export const NODE_COLUMNS: readonly ColumnSpec<NodeColumn>[] = [
  { key: 'node', header: 'node', min: 8, ideal: 14, priority: 0 },
  { key: 'failing', header: 'VMs failing', min: 12, ideal: 12, priority: 2, align: 'right' },
  { key: 'state', header: 'state', min: 7, ideal: 16, priority: 3 },
  { key: 'release', header: 'release', min: 7, ideal: 8, priority: 5 },
  { key: 'edition', header: 'edition', min: 10, ideal: 12, priority: 6 },
  { key: 'activation', header: 'activation', min: 20, ideal: 26, priority: 7 },
  { key: 'hyperV', header: 'Hyper-V', min: 10, ideal: 10, priority: 8 },
  { key: 'problems', header: 'problems', min: 19, ideal: 30, priority: 4, flex: true },
];

/** With several clusters, a cluster column after the name. */
export function withCluster<K extends string>(
  specs: readonly ColumnSpec<K>[],
  several: boolean,
): ColumnSpec<K | 'cluster'>[] {
  return several ? [specs[0] as ColumnSpec<K>, CLUSTER_COLUMN, ...specs.slice(1)] : [...specs];
}

export function nodeCells(row: NodeRow): Record<NodeColumn, Cell> {
  const { node } = row;
  const facts = node.facts;
  const problems = row.problems.filter((f) => f.severity !== 'warning');
  const worst = problems[0]?.severity;
  return {
    node: { text: sanitize(node.name, 60) },
    cluster: { text: sanitize(row.cluster, 60) },
    failing: { text: String(row.failing), color: row.failing > 0 ? 'red' : 'green' },
    // A what-if drain: what the state would be, kept short so it shows at any width.
    state: {
      text: node.drained ? 'drained' : facts ? nodeStateText(facts) || '?' : node.error ? 'unread' : '?',
    },
    release: { text: facts ? releaseText(facts) : '' },
    edition: { text: facts ? editionText(facts) : '' },
    activation: {
      text: facts ? activationText(facts) : '',
      short: facts ? activationText(facts).replace(/ \(.*\)$/, '') : '',
      color: facts?.activated === false ? 'red' : undefined,
    },
    hyperV: { text: facts ? hyperVText(facts) : '', color: facts?.hyperV === false ? 'red' : undefined },
    problems: {
      text: problems.length > 0 ? problems.map((f) => f.rule).join(', ') : node.error ? node.error.kind : '',
      color: worst ? SEVERITY_COLOR[worst] : node.error ? 'magenta' : undefined,
    },
  };
}

export function NodesView({
  rows,
  cursor,
  height,
  width,
  severalClusters,
  sorted,
}: {
  readonly rows: readonly NodeRow[];
  readonly cursor: number;
  readonly height: number;
  readonly width: number;
  readonly severalClusters: boolean;
  readonly sorted?: { readonly key: string; readonly descending: boolean } | undefined;
}) {
  const columns = fitColumns(withCluster(NODE_COLUMNS, severalClusters), width - 2);
  const { start, end } = visibleWindow(rows.length, cursor, height - 1);
  return (
    <Box flexDirection="column">
      <TableHeader columns={columns} sorted={sorted} />
      {rows.slice(start, end).map((row, offset) => (
        <TableRow
          key={`${row.cluster}/${row.node.name}`}
          columns={columns}
          cells={nodeCells(row)}
          selected={start + offset === cursor}
        />
      ))}
      {rows.length === 0 ? (
        <Text dimColor wrap="truncate-end">
          {' '}
          no node matches the filter (Esc clears it)
        </Text>
      ) : null}
    </Box>
  );
}
