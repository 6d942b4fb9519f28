// A judgement for formatter tests: the clusters judged as a run would, with the default gate unless told.
import { DEFAULT_GATE, type GateOptions } from '../../src/analyze/gate.js';
import { type JudgeOptions, judge } from '../../src/analyze/judge.js';
import type { ClusterRecord } from '../../src/model/facts.js';
import { NOW } from './cluster.js';

export function judged(
  clusters: readonly ClusterRecord[],
  over: Partial<JudgeOptions> & { gate?: GateOptions } = {},
) {
  return judge(clusters, {
    now: NOW,
    expiryWarningDays: 30,
    ignore: null,
    baseline: null,
    gate: DEFAULT_GATE,
    ...over,
  });
}

/** The lab every formatter test reads: a VM at risk on two nodes, one unknown, one safe, one not using AVMA. */
export { aCluster, NOW } from './cluster.js';
