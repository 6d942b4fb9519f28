// A maintenance plan as a job summary: the plan's verdict, a table of steps, then each step's VMs.
import type { GateVerdict } from '../../analyze/gate.js';
import type { PlanJudgement } from '../../analyze/plan.js';
import type { VerdictCounts } from '../../model/report.js';
import { GATE_WORD } from '../gate-text.js';
import { acceptedList, capped, cell, findingList, ICON, missingList, vmTables } from '../markdown.js';
import type { Formatter } from '../types.js';
import { list, planHeadline, suggestionLines } from './headline.js';

function* lines(plan: PlanJudgement, exitCode: number): Iterable<string> {
  yield `## ${ICON[plan.verdict]} avma-check plan: ${GATE_WORD[plan.verdict]}`;
  yield '';
  yield `${cell(planHeadline(plan), 1000)} (exit code ${exitCode}).`;
  yield '';
  yield '| step | change | verdict | at risk | unknown | safe | newly at risk | recovered | no activatable node left |';
  yield '|---|---|---|---|---|---|---|---|---|';
  const row = (
    step: string,
    title: string,
    j: { gate: { verdict: GateVerdict }; counts: VerdictCounts },
    newly = '',
    recovered = '',
    nowhere = '',
  ) =>
    `| ${step} | ${cell(title)} | ${ICON[j.gate.verdict]} ${GATE_WORD[j.gate.verdict]} | ${j.counts.atRisk} | ${j.counts.unknown} | ${j.counts.safe} | ${newly} | ${recovered} | ${nowhere} |`;
  yield row('before', '(for comparison)', { gate: plan.initial.gate, counts: plan.initial.report.counts });
  for (const [i, step] of plan.steps.entries())
    yield row(
      String(i + 1),
      step.title,
      step,
      cell(list(step.newlyAtRisk)),
      cell(list(step.recovered)),
      cell(list(step.nowhere)),
    );
  yield '';
  if (plan.suggestion) yield* [...suggestionLines(plan.suggestion).map((l) => cell(l, 2000)), ''];
  // The ignore file and baseline the plan used, and what they accepted before any change.
  yield* acceptedList(plan.initial);
  for (const [i, step] of plan.steps.entries()) {
    yield `### Step ${i + 1}: ${cell(step.title)} (${GATE_WORD[step.gate.verdict]})`;
    yield '';
    const { judgement } = step;
    const tables = [
      ...missingList(judgement.report.clusters),
      ...vmTables(judgement.report.clusters, step.gate.options),
    ];
    // Warnings and the run's own findings (an expired suppression) as check lists them: a step that fails only
    // by a warning (--fail-on warning) says which.
    const warnings = [...findingList(judgement)];
    if (tables.length === 0 && judgement.report.counts.atRisk === 0 && judgement.report.counts.unknown === 0)
      yield* ['Every VM that uses AVMA stays activatable at this step.', ''];
    yield* tables;
    yield* warnings;
  }
}

export const formatPlanMarkdown: Formatter<PlanJudgement> = (plan, context) =>
  capped(lines(plan, context.exitCode));
