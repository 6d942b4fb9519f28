// One row of fitted columns: every cell padded or cut to its column, the whole line cut at the terminal's edge,
// so nothing wraps.
import { Text } from 'ink';
import { useColor } from './color.js';
import { type FittedColumn, headerOf } from './columns.js';
import { padTo } from './marks.js';

export interface Cell {
  readonly text: string;
  /** Shown instead when the text does not fit its column. */
  readonly short?: string | undefined;
  readonly color?: string | undefined;
}

function textFor(cell: Cell, width: number): string {
  return cell.short !== undefined && Array.from(cell.text).length > width ? cell.short : cell.text;
}

function alignTo(text: string, column: FittedColumn): string {
  const padded = padTo(text, column.width);
  return column.align === 'right' && Array.from(text).length < column.width
    ? text.padStart(column.width)
    : padded;
}

export function TableHeader({
  columns,
  sorted,
}: {
  readonly columns: readonly FittedColumn[];
  /** The column the rows are sorted by, and which way. */
  readonly sorted?: { readonly key: string; readonly descending: boolean } | undefined;
}) {
  const text = columns
    .map((column) => {
      const mark = sorted?.key === column.key ? (sorted.descending ? '▼' : '▲') : '';
      const header = headerOf(column);
      const withMark = mark && Array.from(header).length < column.width ? `${header}${mark}` : header;
      return alignTo(withMark, column);
    })
    .join(' ');
  return (
    <Text dimColor wrap="truncate-end">
      {'  '}
      {text}
    </Text>
  );
}

export function TableRow<K extends string>({
  columns,
  cells,
  selected,
}: {
  readonly columns: readonly FittedColumn<K>[];
  readonly cells: Readonly<Record<K, Cell>>;
  readonly selected: boolean;
}) {
  const color = useColor();
  return (
    <Text inverse={selected} wrap="truncate-end">
      {selected ? '› ' : '  '}
      {columns.map((column, index) => (
        <Text key={column.key} color={color(cells[column.key].color)}>
          {index > 0 ? ' ' : ''}
          {alignTo(textFor(cells[column.key], column.width), column)}
        </Text>
      ))}
    </Text>
  );
}
