// A maintenance plan as JUnit: one testsuite per step (the state before the plan is not a test: the plan is
// judged from its first step on), so a step that puts a VM at risk fails where it happens.
import type { PlanJudgement } from '../../analyze/plan.js';
import { judgementSuites, junitDocument, type Suite, timestampOf } from '../junit.js';
import type { Formatter } from '../types.js';

export const formatPlanJunit: Formatter<PlanJudgement> = (plan, context) => {
  const suites: Suite[] = plan.steps.map((step, i) => {
    const parts = judgementSuites(step.judgement);
    return { name: `step ${i + 1}: ${step.title}`, ms: 0, cases: parts.flatMap((suite) => suite.cases) };
  });
  return junitDocument(suites, context.timings?.totalMs ?? 0, timestampOf(plan.initial.report.generatedAt));
};
