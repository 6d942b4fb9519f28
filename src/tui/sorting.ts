// What each view can be sorted by, `s` cycling through them and `S` reversing. Each key's own direction puts
// the rows that need attention first (most VMs failing, at risk first). Sorting is memoised on the rows, the
// key and the direction by the browser, so 8,000 VMs are sorted once per change, not once per frame.
import type { VmVerdict } from '../model/report.js';
import type { FindingGroup, NodeRow, VmRow } from './rows.js';
import type { View } from './ui-state.js';

export interface SortKey<R> {
  readonly label: string;
  /** The column whose header shows the sort, if any. */
  readonly column: string | null;
  /** Its natural direction. */
  readonly descending: boolean;
  /** Ascending order; null keeps the order the rows came in. */
  readonly compare: ((a: R, b: R) => number) | null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const text =
  <R>(of: (row: R) => string) =>
  (a: R, b: R) =>
    collator.compare(of(a), of(b));
const number =
  <R>(of: (row: R) => number) =>
  (a: R, b: R) =>
    of(a) - of(b);

const ACTIVATION_RANK = (activated: boolean | null | undefined) =>
  activated === false ? 0 : activated == null ? 1 : 2;

export const NODE_SORTS: readonly SortKey<NodeRow>[] = [
  { label: 'as listed', column: null, descending: false, compare: null },
  { label: 'VMs failing', column: 'failing', descending: true, compare: number((r) => r.failing) },
  { label: 'node', column: 'node', descending: false, compare: text((r) => r.node.name) },
  { label: 'cluster', column: 'cluster', descending: false, compare: text((r) => r.cluster) },
  { label: 'state', column: 'state', descending: false, compare: text((r) => r.node.facts?.state ?? '') },
  {
    label: 'problems',
    column: 'problems',
    descending: true,
    compare: number(
      (r) => r.problems.filter((f) => f.severity !== 'warning').length + (r.node.error ? 1 : 0),
    ),
  },
  {
    label: 'release',
    column: 'release',
    descending: false,
    compare: number((r) => r.node.facts?.build ?? 0),
  },
  {
    label: 'edition',
    column: 'edition',
    descending: false,
    compare: text((r) => r.node.facts?.edition ?? ''),
  },
  {
    label: 'activation',
    column: 'activation',
    descending: false,
    compare: number((r) => ACTIVATION_RANK(r.node.facts?.activated)),
  },
];

const VERDICT_RANK: Record<VmVerdict, number> = { 'at-risk': 0, unknown: 1, safe: 2, 'not-applicable': 3 };
const okShare = (row: VmRow) => (row.vm.targets.length === 0 ? -1 : row.ok / row.vm.targets.length);

export const VM_SORTS: readonly SortKey<VmRow>[] = [
  { label: 'as listed', column: null, descending: false, compare: null },
  {
    label: 'verdict',
    column: 'verdict',
    descending: false,
    compare: number((r) => VERDICT_RANK[r.vm.verdict]),
  },
  { label: 'activatable on', column: 'where', descending: false, compare: number(okShare) },
  {
    label: 'what-if',
    column: 'change',
    descending: false,
    compare: number((r) => (r.change === 'newly-at-risk' ? 0 : r.change === 'recovered' ? 1 : 2)),
  },
  { label: 'VM', column: 'vm', descending: false, compare: text((r) => r.vm.name) },
  { label: 'cluster', column: 'cluster', descending: false, compare: text((r) => r.cluster.name) },
  { label: 'guest', column: 'guest', descending: false, compare: number((r) => r.vm.guest?.build ?? 0) },
  { label: 'runs on', column: 'owner', descending: false, compare: text((r) => r.vm.owner ?? '') },
];

const SEVERITY_RANK = { error: 0, unknown: 1, warning: 2 } as const;

export const FINDING_SORTS: readonly SortKey<FindingGroup>[] = [
  {
    label: 'severity',
    column: 'severity',
    descending: false,
    compare: (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.findings.length - a.findings.length,
  },
  { label: 'count', column: 'count', descending: true, compare: number((g) => g.findings.length) },
  { label: 'rule', column: 'rule', descending: false, compare: text((g) => g.rule) },
];

export const SORTS_OF: Record<View, readonly SortKey<never>[]> = {
  nodes: NODE_SORTS,
  vms: VM_SORTS,
  matrix: VM_SORTS,
  findings: FINDING_SORTS,
};

export interface SortState {
  readonly index: number;
  readonly reverse: boolean;
}

/** The rows in the key's order; a stable sort, so equal rows keep the order they came in. */
export function sortRows<R>(rows: readonly R[], key: SortKey<R> | undefined, reverse: boolean): readonly R[] {
  const compare = key?.compare;
  if (!key || (!compare && !reverse)) return rows;
  const sign = key.descending !== reverse ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) =>
      compare ? sign * compare(a.row, b.row) || a.index - b.index : sign * (a.index - b.index),
    )
    .map(({ row }) => row);
}

/** "VMs failing ▼" for the status line and the header mark. */
export function sortLabel(key: SortKey<never> | undefined, reverse: boolean): string {
  if (!key) return '';
  return `${key.label} ${key.descending !== reverse ? '▼' : '▲'}`;
}
