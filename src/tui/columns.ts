// Which columns a table shows at a width, and how wide: columns drop in a fixed order (least important first)
// until the rest fit at their minimum, then grow towards their ideal width in order of importance; what is left
// goes to the flexible column. Pure, so it is tested at 60, 80, 100 and 160 columns without a terminal.

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: string;
  /** A shorter header for when the column is narrower than `header`. */
  readonly short?: string;
  /** Narrower than this, the column is dropped instead. */
  readonly min: number;
  /** Wide enough for its usual values. */
  readonly ideal: number;
  /** 0 is kept longest; columns drop from the highest number down. */
  readonly priority: number;
  /** Takes the room left when every column has its ideal width. */
  readonly flex?: boolean;
  readonly align?: 'right';
}

export interface FittedColumn<K extends string = string> extends ColumnSpec<K> {
  readonly width: number;
}

const used = (widths: readonly number[], gap: number) =>
  widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);

/** The columns to show, in their given order, with their widths; the first gets `width` if nothing fits. */
export function fitColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  width: number,
  gap = 1,
): FittedColumn<K>[] {
  // Least important first; of equal importance, the one further right.
  const dropOrder = specs
    .map((spec, index) => ({ spec, index }))
    .sort((a, b) => b.spec.priority - a.spec.priority || b.index - a.index)
    .map(({ spec }) => spec);
  const kept = new Set(specs);
  for (const spec of dropOrder) {
    if (
      kept.size <= 1 ||
      used(
        [...kept].map((s) => s.min),
        gap,
      ) <= width
    )
      break;
    kept.delete(spec);
  }
  const shown = specs.filter((spec) => kept.has(spec));
  const widths = new Map(shown.map((spec) => [spec, spec.min]));
  let spare = width - used([...widths.values()], gap);
  for (const spec of [...dropOrder].reverse()) {
    if (!kept.has(spec) || spare <= 0) continue;
    const grow = Math.min(spare, spec.ideal - spec.min);
    widths.set(spec, spec.min + Math.max(0, grow));
    spare -= Math.max(0, grow);
  }
  const flexible = shown.filter((spec) => spec.flex);
  for (const [index, spec] of flexible.entries()) {
    const share = Math.floor(spare / (flexible.length - index));
    widths.set(spec, (widths.get(spec) ?? 0) + share);
    spare -= share;
  }
  if (spare < 0 && shown.length === 1 && shown[0]) widths.set(shown[0], Math.max(1, width));
  return shown.map((spec) => ({ ...spec, width: widths.get(spec) ?? spec.min }));
}

/** The header of a fitted column: its short form when the full one does not fit. */
export function headerOf(column: FittedColumn): string {
  return column.header.length <= column.width || !column.short ? column.header : column.short;
}
