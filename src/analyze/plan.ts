// Maintenance plans: ordered steps of what-if changes, each judged like a run of its own. The plan's verdict is
// the worst gate the cluster passes through from its first step on; the state before it is for comparison.
// Pure.
import type { ClusterRecord } from '../model/facts.js';
import type { Report, VerdictCounts } from '../model/report.js';
import { type GateResult, type GateVerdict, worseGate } from './gate.js';
import { type Judgement, type JudgeOptions, makeJudge } from './judge.js';
import { riskChanges } from './risk-changes.js';
import type { OrderSuggestion } from './suggest-order.js';
import { applyChanges, type Change } from './what-if.js';

export interface PlanStep {
  title: string;
  changes: Change[];
}

export interface StepJudgement {
  title: string;
  changes: readonly Change[];
  /** The gate at this step, and its VM counts. */
  gate: GateResult;
  counts: VerdictCounts;
  /**
   * The whole judgement of the state after this step, judged again when asked: kept for every step, the 128
   * steps of upgrading the largest cluster would hold a gigabyte.
   */
  readonly judgement: Judgement;
  /** cluster/VM keys the gate counts at risk after this step and did not before it. */
  newlyAtRisk: string[];
  /** Counted at risk before this step, not after it. */
  recovered: string[];
  /** VMs that use AVMA and are activatable on none of the nodes they could land on. */
  nowhere: string[];
}

export interface PlanJudgement {
  initial: Judgement;
  steps: StepJudgement[];
  /** The worst gate verdict of the steps (the initial state's when there is none). */
  verdict: GateVerdict;
  /** The first step (1-based) whose verdict is the plan's, or null when there is no step. */
  worstStep: number | null;
  suggestion: OrderSuggestion | null;
}

export const vmKey = (cluster: string, vm: string) => `${cluster}/${vm}`;

export function nowhereToGo(report: Report): string[] {
  return report.clusters.flatMap((c) =>
    c.vms
      .filter((vm) => vm.verdict !== 'not-applicable' && !vm.targets.some((t) => t.verdict === 'ok'))
      .map((vm) => vmKey(c.name, vm.name)),
  );
}

export function judgePlan(
  clusters: readonly ClusterRecord[],
  steps: readonly PlanStep[],
  options: JudgeOptions,
  suggestion: OrderSuggestion | null = null,
): PlanJudgement {
  // One judge for every step: each step judges again only the VMs that can land on the nodes it changes.
  const judgeStep = makeJudge(options);
  const initial = judgeStep(clusters);
  const results: StepJudgement[] = [];
  let state: readonly ClusterRecord[] = clusters;
  let before = initial.report;
  for (const step of steps) {
    // The same as applying every change so far to the clusters, but nodes keep their records across steps.
    state = applyChanges(state, step.changes);
    const judgement = judgeStep(state);
    const after = judgement.report;
    const changed = riskChanges(before, after, (vm) => vm.gate === 'at-risk');
    const at = state;
    results.push({
      title: step.title,
      changes: step.changes,
      gate: judgement.gate,
      counts: judgement.report.counts,
      get judgement() {
        return judgeStep(at);
      },
      newlyAtRisk: changed.newly.map((ref) => vmKey(ref.cluster, ref.vm)),
      recovered: changed.recovered.map((ref) => vmKey(ref.cluster, ref.vm)),
      nowhere: nowhereToGo(judgement.report),
    });
    before = after;
  }
  let verdict: GateVerdict = results.length === 0 ? initial.gate.verdict : 'pass';
  for (const step of results) verdict = worseGate(verdict, step.gate.verdict);
  const worst = results.findIndex((step) => step.gate.verdict === verdict);
  return { initial, steps: results, verdict, worstStep: worst < 0 ? null : worst + 1, suggestion };
}
