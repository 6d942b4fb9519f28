// A maintenance plan, step by step: what each step does to the VMs, then the final state.
import type { OrderSuggestion, PlanResult } from '../analyze/plan.js';
import { releaseName } from '../domain/releases.js';
import type { Report } from '../model/report.js';
import { RUN_VERDICT_TEXT } from './describe.js';
import { reportJson } from './json.js';
import { escapeJsonControls, sanitize } from './sanitize.js';
import { makeStyle } from './style.js';
import { formatText } from './text.js';
import type { FormatContext } from './types.js';

function counts(report: Report): string {
  const c = report.counts;
  return `${c.atRisk} at risk, ${c.unknown} unknown, ${c.safe} safe`;
}

function list(keys: readonly string[]): string {
  if (keys.length === 0) return '-';
  const shown = keys.slice(0, 10).map((key) => sanitize(key, 80));
  return keys.length > 10 ? `${shown.join(', ')} … and ${keys.length - 10} more` : shown.join(', ');
}

export function suggestionLines(suggestion: OrderSuggestion): string[] {
  if (suggestion.order.length === 0)
    return ['Upgrade order: every node already runs the newest release of its cluster.'];
  const steps = suggestion.order.map(
    (u, i) => `  ${i + 1}. upgrade ${sanitize(`${u.cluster}/${u.node}`, 80)} to ${releaseName(u.release)}`,
  );
  const verdict = suggestion.keepsEverySafe
    ? `Suggested upgrade order: every VM that is safe now stays safe at every step (${suggestion.initialSafe} safe).`
    : `No upgrade order keeps every VM safe. The best order found keeps at least ${suggestion.worstSafe} of ${suggestion.initialSafe} safe at every moment; at step ${suggestion.lost?.step}, ${suggestion.lost?.whileDrained ? `while ${sanitize(suggestion.lost.node, 80)} is drained for its upgrade` : `once ${sanitize(suggestion.lost?.node ?? '', 80)} is upgraded`}, ${list(suggestion.lost?.vms ?? [])} have no node left that can activate them: give them more possible owners that can, before the window.`;
  return [verdict, ...steps];
}

export function formatPlanText(
  plan: PlanResult,
  suggestion: OrderSuggestion | null,
  context: FormatContext,
): string {
  const style = makeStyle(context.color);
  const lines = [
    style.strong(`Plan: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`),
    `  now  ${RUN_VERDICT_TEXT[plan.initial.verdict]}: ${counts(plan.initial)}`,
  ];
  plan.steps.forEach((step, i) => {
    lines.push(
      `  ${i + 1}.   ${sanitize(step.title, 200)}: ${RUN_VERDICT_TEXT[step.report.verdict]}: ${counts(step.report)}`,
    );
    lines.push(
      `       newly at risk: ${list(step.newlyAtRisk)}; recovered: ${list(step.recovered)}; no activatable node left: ${list(step.nowhere)}`,
    );
  });
  if (suggestion) lines.push('', ...suggestionLines(suggestion));
  const final = plan.steps.at(-1)?.report ?? plan.initial;
  lines.push('', style.strong('Final state:'), formatText(final, context));
  return `${lines.join('\n').trimEnd()}\n`;
}

export function formatPlanJson(plan: PlanResult, suggestion: OrderSuggestion | null): string {
  const summary = (report: Report) => ({ verdict: report.verdict, counts: report.counts });
  const final = plan.steps.at(-1)?.report ?? plan.initial;
  const json = {
    schemaVersion: 1,
    kind: 'avma-check-plan',
    initial: summary(plan.initial),
    steps: plan.steps.map((step) => ({
      title: step.title,
      ...summary(step.report),
      newlyAtRisk: step.newlyAtRisk,
      recovered: step.recovered,
      nowhere: step.nowhere,
    })),
    ...(suggestion && { suggestedOrder: suggestion }),
    final: reportJson(final),
  };
  return `${escapeJsonControls(JSON.stringify(json, null, 2))}\n`;
}
