// A maintenance plan as GitHub annotations: those of the first step with the plan's verdict (where a VM is
// first put at risk), titled with that step, then a notice with the plan's verdict.
import type { PlanJudgement } from '../../analyze/plan.js';
import { annotations, capAnnotations, command } from '../github.js';
import type { Formatter } from '../types.js';
import { planHeadline } from './headline.js';

export const formatPlanGithub: Formatter<PlanJudgement> = function* (plan, context) {
  // The worst step; a plan that passes still shows its last step's warnings and the run's own findings.
  const at = plan.worstStep !== null && plan.verdict !== 'pass' ? plan.worstStep : plan.steps.length;
  const step = plan.steps[at - 1];
  if (step) {
    const prefix = `step ${at} (${step.title}): `;
    yield* capAnnotations(
      annotations(step.judgement, context.locate).map((a) => ({ ...a, title: prefix + a.title })),
    );
  }
  const headline = planHeadline(plan);
  yield `${command({ kind: 'notice', title: `avma-check plan: ${headline.slice(0, headline.indexOf(':'))}`, message: `${headline} (exit code ${context.exitCode})` })}\n`;
};
