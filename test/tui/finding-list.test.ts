// The Findings view's list: each rule's heading, then its findings; the cursor moves over findings only.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/report.js';
import { findingAt, findingList } from '../../src/tui/finding-list.js';
import type { FindingGroup } from '../../src/tui/rows.js';

const finding = (vm: string) => ({ rule: 'r', vm }) as Finding;
const group = (rule: string, vms: string[]) =>
  ({
    rule,
    severity: 'error',
    title: rule,
    explanation: '',
    remedy: '',
    findings: vms.map(finding),
  }) as FindingGroup;

describe('findingList', () => {
  const list = findingList([group('a', ['v1', 'v2']), group('b', ['v3']), group('c', ['v4', 'v5', 'v6'])]);

  it('lists each heading before its findings', () => {
    expect(list.length).toBe(9);
    expect(list.count).toBe(6);
    const shown = Array.from({ length: list.length }, (_, i) => {
      const row = list.row(i);
      return row?.kind === 'group' ? `#${row.group.rule}` : row?.finding.vm;
    });
    expect(shown).toEqual(['#a', 'v1', 'v2', '#b', 'v3', '#c', 'v4', 'v5', 'v6']);
    expect(list.row(9)).toBeUndefined();
    expect(list.row(-1)).toBeUndefined();
  });

  it('finds the row of each place of the cursor, and its finding', () => {
    expect([0, 1, 2, 3, 4, 5].map((cursor) => list.rowOf(cursor))).toEqual([1, 2, 4, 6, 7, 8]);
    expect([0, 2, 5].map((cursor) => findingAt(list, cursor)?.finding.vm)).toEqual(['v1', 'v3', 'v6']);
    expect(findingAt(list, 6)).toBeNull();
    expect(findingAt(findingList([]), 0)).toBeNull();
  });
});
