// The part of a VM's targets that changed since last time, and lists patched in that part only.
import { describe, expect, it } from 'vitest';
import type { TargetFindings } from '../../src/analyze/analysis-state.js';
import { commonHead, commonTail, spliced, splicedFindings } from '../../src/analyze/target-span.js';
import type { NodeRecord } from '../../src/model/facts.js';
import type { Finding } from '../../src/model/report.js';

const node = (name: string) => ({ name }) as NodeRecord;
const [A, B, C, D, E] = ['A', 'B', 'C', 'D', 'E'].map(node) as [
  NodeRecord,
  NodeRecord,
  NodeRecord,
  NodeRecord,
  NodeRecord,
];
const finding = (node: string) => ({ rule: 'r', node }) as Finding;

const changedSpan = (old: NodeRecord[], now: NodeRecord[]) => {
  const from = commonHead(old, now);
  const tail = commonTail(old, now, from);
  return { from, to: now.length - tail, oldTo: old.length - tail };
};

describe('commonHead and commonTail', () => {
  it.each([
    ['nothing changed', [A, B, C], [A, B, C], { from: 3, to: 3, oldTo: 3 }],
    ['a node drained', [A, B, C], [A, C], { from: 1, to: 1, oldTo: 2 }],
    ['a node back', [A, C], [A, B, C], { from: 1, to: 2, oldTo: 1 }],
    ['a node replaced', [A, B, C], [A, D, C], { from: 1, to: 2, oldTo: 2 }],
    ['the first and last replaced', [A, B, C], [D, B, E], { from: 0, to: 3, oldTo: 3 }],
    ['every node gone', [A, B], [], { from: 0, to: 0, oldTo: 2 }],
    ['a repeated node', [A, A, A], [A, A], { from: 2, to: 2, oldTo: 3 }],
  ])('%s', (_what, old, now, span) => {
    expect(changedSpan(old, now)).toEqual(span);
  });
});

describe('spliced', () => {
  it('replaces, removes and inserts in place, leaving the old list as it was', () => {
    const old = ['a', 'b', 'c'];
    expect(spliced(old, 1, 2, ['x'])).toEqual(['a', 'x', 'c']);
    expect(spliced(old, 1, 2, [])).toEqual(['a', 'c']);
    expect(spliced(old, 1, 1, ['x', 'y'])).toEqual(['a', 'x', 'y', 'b', 'c']);
    expect(old).toEqual(['a', 'b', 'c']);
  });
});

describe('splicedFindings', () => {
  // Targets A B C D E; findings on A, C (two) and E.
  const targets = [A, B, C, D, E];
  const kept: TargetFindings = {
    findings: [finding('A'), finding('C'), finding('C'), finding('E')],
    on: [A, C, C, E],
  };
  const nodes = (f: TargetFindings | null) => f?.findings.map((x) => x.node);

  it('drops the findings of a removed target, keeping the rest in order', () => {
    const after = splicedFindings(kept, targets, 2, 3, [], []);
    expect(nodes(after)).toEqual(['A', 'E']);
    expect(after?.on).toEqual([A, E]);
  });

  it('inserts the findings of a new target in target order', () => {
    const after = splicedFindings(kept, [A, C, D, E], 1, 1, [finding('B')], [B]);
    expect(nodes(after)).toEqual(['A', 'B', 'C', 'C', 'E']);
    expect(after?.on).toEqual([A, B, C, C, E]);
  });

  it('replaces the findings of a changed target', () => {
    const after = splicedFindings(kept, targets, 4, 5, [finding('E2'), finding('E2')], [E, E]);
    expect(nodes(after)).toEqual(['A', 'C', 'C', 'E2', 'E2']);
  });

  it('keeps the same object when no finding is where the targets changed, and none when none is left', () => {
    expect(splicedFindings(kept, targets, 1, 2, [], [])).toBe(kept);
    expect(splicedFindings(kept, targets, 3, 4, [], [])).toBe(kept);
    expect(splicedFindings({ findings: [finding('A')], on: [A] }, targets, 0, 1, [], [])).toBeNull();
    expect(splicedFindings(null, [], 0, 0, [], [])).toBeNull();
  });
});
