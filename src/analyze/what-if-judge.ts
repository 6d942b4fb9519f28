// What the terminal UI asks of a run: its judgement of the clusters with what-if changes applied. One function
// so that how it is computed (in full, or only what a change can affect) stays behind it.
import type { ClusterRecord } from '../model/facts.js';
import { type Judgement, type JudgeOptions, judge } from './judge.js';
import { applyChanges, type Change } from './what-if.js';

export type WhatIfJudge = (clusters: readonly ClusterRecord[], changes: readonly Change[]) => Judgement;

export function whatIfJudge(options: JudgeOptions): WhatIfJudge {
  return (clusters, changes) =>
    judge(changes.length > 0 ? applyChanges(clusters, changes) : clusters, options);
}
