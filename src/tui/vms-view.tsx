// The VMs view: where each VM stays activatable comes before what it runs and where.
import { Box, Text } from 'ink';
import { guestText, VM_VERDICT_TEXT } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { type ColumnSpec, fitColumns } from './columns.js';
import { VERDICT_COLOR } from './marks.js';
import { withCluster } from './nodes-view.js';
import type { VmRow } from './rows.js';
import { type Cell, TableHeader, TableRow } from './table.js';
import { CHANGE_COLOR, CHANGE_TEXT } from './what-if-diff.js';
import { visibleWindow } from './window.js';

type VmColumn = 'vm' | 'cluster' | 'verdict' | 'change' | 'where' | 'guest' | 'owner';

export const VM_COLUMNS: readonly ColumnSpec<VmColumn>[] = [
  { key: 'vm', header: 'VM', min: 8, ideal: 20, priority: 0 },
  { key: 'verdict', header: 'verdict', min: 7, ideal: 14, priority: 2 },
  { key: 'change', header: 'what-if', min: 13, ideal: 13, priority: 2.5 },
  { key: 'where', header: 'activatable on', short: 'ok on', min: 12, ideal: 14, priority: 3 },
  { key: 'guest', header: 'guest', min: 12, ideal: 30, priority: 4, flex: true },
  { key: 'owner', header: 'runs on', min: 7, ideal: 12, priority: 5 },
];

/** The what-if column only while a what-if is on; the cluster column with several clusters. */
export function vmColumns(severalClusters: boolean, whatIf: boolean) {
  return withCluster(
    VM_COLUMNS.filter((column) => whatIf || column.key !== 'change'),
    severalClusters,
  );
}

export function whereText(row: VmRow): string {
  return row.vm.targets.length > 0 ? `${row.ok} of ${row.vm.targets.length} nodes` : '—';
}

export function vmCells(row: VmRow): Record<VmColumn, Cell> {
  const { vm } = row;
  return {
    vm: { text: sanitize(vm.name, 60) },
    cluster: { text: sanitize(row.cluster.name, 60) },
    verdict: { text: VM_VERDICT_TEXT[vm.verdict], color: VERDICT_COLOR[vm.verdict] },
    change: {
      text: row.change ? CHANGE_TEXT[row.change] : '',
      color: row.change ? CHANGE_COLOR[row.change] : undefined,
    },
    where: { text: whereText(row) },
    guest: { text: guestText(vm.guest), short: guestText(vm.guest).replace(/^Windows Server /, '') },
    owner: { text: sanitize(vm.owner ?? '?', 60) },
  };
}

export function VmsView({
  rows,
  cursor,
  height,
  width,
  severalClusters,
  whatIf,
  sorted,
}: {
  readonly rows: readonly VmRow[];
  readonly cursor: number;
  readonly height: number;
  readonly width: number;
  readonly severalClusters: boolean;
  /** A what-if is on: the column of what it changed shows. */
  readonly whatIf: boolean;
  readonly sorted?: { readonly key: string; readonly descending: boolean } | undefined;
}) {
  const columns = fitColumns(vmColumns(severalClusters, whatIf), width - 2);
  const { start, end } = visibleWindow(rows.length, cursor, height - 1);
  return (
    <Box flexDirection="column">
      <TableHeader columns={columns} sorted={sorted} />
      {rows.slice(start, end).map((row, offset) => (
        <TableRow
          key={`${row.cluster.name}/${row.vm.name}`}
          columns={columns}
          cells={vmCells(row)}
          selected={start + offset === cursor}
        />
      ))}
      {rows.length === 0 ? (
        <Text dimColor wrap="truncate-end">
          {' '}
          no VM matches (Esc clears the filter, f shows all)
        </Text>
      ) : null}
    </Box>
  );
}
