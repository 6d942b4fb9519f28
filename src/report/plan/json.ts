// A maintenance plan for pipelines: every step's verdict and VM changes, the suggested order, and the final
// state as a whole report.
import type { GateResult } from '../../analyze/gate.js';
import type { PlanJudgement } from '../../analyze/plan.js';
import { describeChange } from '../../analyze/what-if.js';
import { REPORT_SCHEMA_VERSION, type VerdictCounts } from '../../model/report.js';
import { gateReasons } from '../gate-text.js';
import { formatJson } from '../json.js';
import { escapeJsonControls } from '../sanitize.js';
import type { Formatter } from '../types.js';
import { planHeadline } from './headline.js';

const state = (gate: GateResult, counts: VerdictCounts) => ({
  verdict: gate.verdict,
  reasons: gateReasons(gate),
  counts,
});

export const formatPlanJson: Formatter<PlanJudgement> = function* (plan, context) {
  const head = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'avma-check-plan',
    verdict: plan.verdict,
    exitCode: context.exitCode,
    summary: planHeadline(plan),
    worstStep: plan.worstStep,
    before: state(plan.initial.gate, plan.initial.report.counts),
    steps: plan.steps.map((step) => ({
      title: step.title,
      changes: step.changes.map((change) => ({ ...change, description: describeChange(change) })),
      ...state(step.gate, step.counts),
      newlyAtRisk: step.newlyAtRisk,
      recovered: step.recovered,
      nowhere: step.nowhere,
    })),
    suggestedOrder: plan.suggestion,
  };
  const text = escapeJsonControls(JSON.stringify(head, null, 2));
  yield `${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n  "final": `;
  const final = plan.steps.at(-1)?.judgement ?? plan.initial;
  yield* formatJson(final, { ...context, exitCode: context.exitCode });
  yield '}\n';
};
