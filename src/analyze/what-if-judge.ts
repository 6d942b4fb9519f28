// What the terminal UI asks of a run: its judgement of the clusters with what-if changes applied. One function
// so that how it is computed stays behind it: it remembers the last judgement, applies only the changes added
// since (the UI adds one at a time, or resets), and judges again only the VMs that can land on a changed node.
import type { ClusterRecord } from '../model/facts.js';
import { type Judgement, type JudgeOptions, makeJudge } from './judge.js';
import { applyChanges, type Change } from './what-if.js';

export type WhatIfJudge = (clusters: readonly ClusterRecord[], changes: readonly Change[]) => Judgement;

const sameChange = (a: Change, b: Change) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function whatIfJudge(options: JudgeOptions): WhatIfJudge {
  const judgeNow = makeJudge(options);
  let last: {
    clusters: readonly ClusterRecord[];
    changes: readonly Change[];
    applied: ClusterRecord[];
  } | null = null;
  return (clusters, changes) => {
    const extends_ =
      last !== null &&
      last.clusters === clusters &&
      last.changes.length <= changes.length &&
      last.changes.every((change, i) => sameChange(change, changes[i] as Change));
    // Applying only the new changes keeps the records of nodes changed before: they are not judged again.
    const applied =
      changes.length === 0
        ? [...clusters]
        : extends_ && last
          ? applyChanges(last.applied, changes.slice(last.changes.length))
          : applyChanges(clusters, changes);
    last = { clusters, changes: [...changes], applied };
    return judgeNow(applied);
  };
}
