// One line per row of the performance table: what, ours, the comparison, the ratio, the target, whether it is
// met, and peak memory. Printed as each row is measured.

export interface Row {
  what: string;
  /** Our figure, e.g. "0.21 s". */
  ours: string;
  /** What it is measured against in the same run, e.g. "node -e 0 0.12 s", or the target when it is absolute. */
  comparison: string;
  /** ours / comparison, or null when there is none. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  memory: string;
  /** Anything else worth a reader's eye: a report's size, a failure. */
  note?: string;
}

const WIDTHS = [56, 10, 24, 7, 36, 5, 10] as const;

function line(cells: readonly string[]): string {
  return cells.map((cell, i) => (i < WIDTHS.length - 1 ? cell.padEnd(WIDTHS[i] ?? 0) : cell)).join(' ');
}

export function header(): string {
  const head = line(['what', 'ours', 'comparison', 'ratio', 'target', 'met', 'peak mem']);
  return `${head}\n${'-'.repeat(head.length + 4)}`;
}

export function format(row: Row): string {
  const met = row.met === null ? '-' : row.met ? 'yes' : 'NO';
  const ratio = row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`;
  const text = line([row.what, row.ours, row.comparison, ratio, row.target, met, row.memory]);
  return row.note ? `${text}\n${' '.repeat(4)}${row.note}` : text;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const megabytes = (mb: number | null) => (mb === null ? '-' : `${Math.round(mb)} MB`);
