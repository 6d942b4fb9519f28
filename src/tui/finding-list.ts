// The Findings view as one list: each rule's heading, then every finding of it. The cursor moves over findings
// only, so Enter always has a VM or node to show.
import type { Finding } from '../model/report.js';
import { sanitize } from '../report/sanitize.js';
import type { FindingGroup } from './rows.js';

export type FindingListRow =
  | { readonly kind: 'group'; readonly group: FindingGroup }
  | { readonly kind: 'finding'; readonly group: FindingGroup; readonly finding: Finding };

export interface FindingList {
  /** Rows: each rule's heading, then its findings. */
  readonly length: number;
  /** Findings: the places the cursor can be. */
  readonly count: number;
  row(index: number): FindingListRow | undefined;
  /** The row of the cursor's finding. */
  rowOf(cursor: number): number;
}

/**
 * The rows are worked out when asked, from where each group starts: the largest cluster has tens of thousands
 * of findings, and the view shows a screenful.
 */
export function findingList(groups: readonly FindingGroup[]): FindingList {
  const rowStarts: number[] = [];
  const cursorStarts: number[] = [];
  let rows = 0;
  let count = 0;
  for (const group of groups) {
    rowStarts.push(rows);
    cursorStarts.push(count);
    rows += 1 + group.findings.length;
    count += group.findings.length;
  }
  /** The last group whose start is at or before `at` in `starts`. */
  const groupAt = (starts: readonly number[], at: number) => {
    let g = 0;
    while (g + 1 < starts.length && (starts[g + 1] as number) <= at) g++;
    return g;
  };
  return {
    length: rows,
    count,
    row(index) {
      if (index < 0 || index >= rows) return undefined;
      const g = groupAt(rowStarts, index);
      const group = groups[g] as FindingGroup;
      const offset = index - (rowStarts[g] as number);
      return offset === 0
        ? { kind: 'group', group }
        : { kind: 'finding', group, finding: group.findings[offset - 1] as Finding };
    },
    rowOf(cursor) {
      const g = groupAt(cursorStarts, cursor);
      return (rowStarts[g] as number) + 1 + (cursor - (cursorStarts[g] as number));
    },
  };
}

export function findingAt(
  list: FindingList,
  cursor: number,
): Extract<FindingListRow, { kind: 'finding' }> | null {
  if (cursor < 0 || cursor >= list.count) return null;
  const row = list.row(list.rowOf(cursor));
  return row?.kind === 'finding' ? row : null;
}

/**
 * What a finding is about: "HV03 · web01", "HV04", "legacy01", with the cluster when there are several; the
 * cluster for a finding about it, "this run" for one about the run.
 */
export function subjectText(finding: Finding, severalClusters: boolean): string {
  const parts = [finding.node, finding.vm].filter((part): part is string => part !== null);
  // About a whole cluster, or about the run itself (an expired ignore entry, cluster '').
  if (parts.length === 0) return finding.cluster ? sanitize(finding.cluster, 40) : 'this run';
  const subject = parts.map((part) => sanitize(part, 60)).join(' · ');
  return severalClusters ? `${sanitize(finding.cluster, 40)}/${subject}` : subject;
}
