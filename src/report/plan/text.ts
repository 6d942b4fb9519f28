// A maintenance plan for people: the state before it, each step with what it does to the VMs, the final
// state, and the plan's verdict (the worst step's).

import type { PlanJudgement } from '../../analyze/plan.js';
import { plural } from '../describe.js';
import { GATE_WORD } from '../gate-text.js';
import { sanitize } from '../sanitize.js';
import { makeStyle } from '../style.js';
import { judgementSections, verdictLine } from '../text.js';
import type { Formatter } from '../types.js';
import { list, planHeadline, suggestionLines } from './headline.js';

const counts = (c: { atRisk: number; unknown: number; safe: number }) =>
  `${c.atRisk} at risk, ${c.unknown} unknown, ${c.safe} safe`;

export const formatPlanText: Formatter<PlanJudgement> = function* (plan, context) {
  const style = makeStyle(context.color);
  const { initial } = plan;
  const lines = [
    style.strong(`Plan: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`),
    `  before  ${GATE_WORD[initial.gate.verdict]}: ${counts(initial.report.counts)} (for comparison; the plan is judged from its first step on)`,
  ];
  plan.steps.forEach((step, i) => {
    const gate = step.gate.verdict;
    const word =
      gate === 'fail'
        ? style.bad(GATE_WORD[gate])
        : gate === 'pass'
          ? style.good(GATE_WORD[gate])
          : style.unknown(GATE_WORD[gate]);
    lines.push(`  ${String(i + 1).padEnd(6)}  ${sanitize(step.title, 200)}: ${word}: ${counts(step.counts)}`);
    lines.push(
      `          newly at risk: ${list(step.newlyAtRisk)}; recovered: ${list(step.recovered)}; no activatable node left: ${list(step.nowhere)}`,
    );
  });
  if (plan.suggestion) lines.push('', ...suggestionLines(plan.suggestion));
  yield `${lines.join('\n')}\n\n`;
  const final = plan.steps.at(-1)?.judgement ?? initial;
  yield `${style.strong(plan.steps.length > 0 ? 'After the last step:' : 'Now:')}\n`;
  yield* judgementSections(final, style);
  yield `${verdictLine(planHeadline(plan), plan.verdict, plural(plan.steps.length, 'step'), context.exitCode, style)}\n`;
};
