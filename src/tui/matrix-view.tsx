// VMs as rows, the nodes of one cluster as columns; scrolls both ways, rendering only what fits.

import { Box, Text } from 'ink';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo, VERDICT_COLOR } from './marks.js';
import { CELL_TEXT, cellMark, type VmRow } from './rows.js';
import { visibleWindow } from './window.js';

const NAME_WIDTH = 20;
const CELL_WIDTH = 7;

export interface MatrixProps {
  readonly rows: readonly VmRow[];
  readonly columns: readonly { cluster: string; node: string }[];
  readonly cursor: number;
  readonly column: number;
  readonly height: number;
  readonly width: number;
  /** With several clusters: which one this is. */
  readonly cluster: { readonly name: string; readonly index: number; readonly of: number } | null;
  readonly sortedBy: string;
}

export function MatrixView({ rows, columns, cursor, column, height, width, cluster, sortedBy }: MatrixProps) {
  const color = useColor();
  const fitting = Math.max(1, Math.floor((width - NAME_WIDTH - 5) / CELL_WIDTH));
  const cols = visibleWindow(columns.length, column, fitting);
  const visible = columns.slice(cols.start, cols.end);
  const { start, end } = visibleWindow(rows.length, cursor, height - (cluster ? 3 : 2));
  return (
    <Box flexDirection="column">
      {cluster ? (
        <Text bold wrap="truncate-end">
          cluster {sanitize(cluster.name, 60)}{' '}
          <Text dimColor>
            ({cluster.index + 1} of {cluster.of}; c: next cluster)
          </Text>
        </Text>
      ) : null}
      <Text dimColor wrap="truncate-end">
        {'  '}
        {padTo(`${cols.start > 0 ? '‹ ' : ''}VM${sortedBy ? ` (${sortedBy})` : ''}`, NAME_WIDTH)}{' '}
        {visible.map((c) => padTo(sanitize(c.node, 40), CELL_WIDTH - 1)).join(' ')}
        {cols.end < columns.length ? ' ›' : ''}
      </Text>
      {rows.slice(start, end).map((row, offset) => {
        const selected = start + offset === cursor;
        return (
          <Text key={`${row.cluster.name}/${row.vm.name}`} inverse={selected} wrap="truncate-end">
            {selected ? '› ' : '  '}
            {padTo(sanitize(row.vm.name, 60), NAME_WIDTH)}{' '}
            {visible.map((c) => {
              const mark = cellMark(row, c);
              return (
                <Text key={`${c.cluster}/${c.node}`} color={color(VERDICT_COLOR[mark])}>
                  {padTo(CELL_TEXT[mark], CELL_WIDTH)}
                </Text>
              );
            })}
          </Text>
        );
      })}
      <Text dimColor wrap="truncate-end">
        {' '}
        ✓ activatable ✗ not activatable ? unknown · not a possible owner
      </Text>
    </Box>
  );
}
