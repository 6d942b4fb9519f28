// The Findings view as one list: each rule's heading, then every finding of it. The cursor moves over findings
// only, so Enter always has a VM or node to show.
import type { Finding } from '../model/report.js';
import { sanitize } from '../report/sanitize.js';
import type { FindingGroup } from './rows.js';

export type FindingListRow =
  | { readonly kind: 'group'; readonly group: FindingGroup }
  | { readonly kind: 'finding'; readonly group: FindingGroup; readonly finding: Finding };

export interface FindingList {
  readonly rows: readonly FindingListRow[];
  /** The row of each finding, by the cursor's index. */
  readonly rowOf: readonly number[];
}

export function findingList(groups: readonly FindingGroup[]): FindingList {
  const rows: FindingListRow[] = [];
  const rowOf: number[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', group });
    for (const finding of group.findings) {
      rowOf.push(rows.length);
      rows.push({ kind: 'finding', group, finding });
    }
  }
  return { rows, rowOf };
}

export function findingAt(
  list: FindingList,
  cursor: number,
): Extract<FindingListRow, { kind: 'finding' }> | null {
  const row = list.rows[list.rowOf[cursor] ?? -1];
  return row?.kind === 'finding' ? row : null;
}

/** What a finding is about: "HV03 · web01", "HV04", "legacy01", with the cluster when there are several. */
export function subjectText(finding: Finding, severalClusters: boolean): string {
  const parts = [finding.node, finding.vm].filter((part): part is string => part !== null);
  const subject = parts.map((part) => sanitize(part, 60)).join(' · ');
  return severalClusters ? `${sanitize(finding.cluster, 40)}/${subject}` : subject;
}
