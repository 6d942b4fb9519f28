// A maintenance plan as GitHub annotations: those of the first step with the plan's verdict (where a VM is
// first put at risk), titled with that step, then a notice with the plan's verdict.
import type { PlanJudgement } from '../../analyze/plan.js';
import { annotations, capAnnotations, command } from '../github.js';
import type { Formatter } from '../types.js';
import { planHeadline } from './headline.js';

export const formatPlanGithub: Formatter<PlanJudgement> = function* (plan, context) {
  const worst = plan.worstStep === null ? null : plan.steps[plan.worstStep - 1];
  if (worst && plan.verdict !== 'pass') {
    const prefix = `step ${plan.worstStep} (${worst.title}): `;
    yield* capAnnotations(
      annotations(worst.judgement, context.locate).map((a) => ({ ...a, title: prefix + a.title })),
    );
  }
  const headline = planHeadline(plan);
  yield `${command({ kind: 'notice', title: `avma-check plan: ${headline.slice(0, headline.indexOf(':'))}`, message: `${headline} (exit code ${context.exitCode})` })}\n`;
};
