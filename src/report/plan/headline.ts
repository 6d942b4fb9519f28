// The plan's verdict in words: the worst gate from its first step on, and where it happens.
import type { PlanJudgement } from '../../analyze/plan.js';
import type { OrderSuggestion } from '../../analyze/suggest-order.js';
import { releaseName } from '../../domain/releases.js';
import { GATE_WORD, gateHeadline, gateReasons } from '../gate-text.js';
import { sanitize } from '../sanitize.js';

export function planHeadline(plan: PlanJudgement): string {
  const step = plan.worstStep === null ? null : plan.steps[plan.worstStep - 1];
  if (!step) return gateHeadline(plan.initial.gate);
  const reasons = gateReasons(step.gate).join(plan.verdict === 'incomplete' ? ' ' : '; ');
  if (plan.verdict === 'pass')
    return `PASS: every step keeps every VM that uses AVMA activatable${plan.steps.length > 1 ? '' : ''} (${reasons})`;
  return `${GATE_WORD[plan.verdict]}: at step ${plan.worstStep} (${sanitize(step.title, 200)}), ${reasons}`;
}

export function list(keys: readonly string[]): string {
  if (keys.length === 0) return '-';
  const shown = keys.slice(0, 10).map((key) => sanitize(key, 80));
  return keys.length > 10 ? `${shown.join(', ')} … and ${keys.length - 10} more` : shown.join(', ');
}

export function suggestionLines(suggestion: OrderSuggestion): string[] {
  if (suggestion.order.length === 0)
    return ['Upgrade order: every node already runs the newest release of its cluster.'];
  const how = suggestion.exact ? '' : ' (found by a heuristic search: too many nodes to try every order)';
  const verdict = suggestion.keepsEverySafe
    ? `Suggested upgrade order${how}: every VM that is safe now stays safe at every step (${suggestion.initialSafe} safe).`
    : `No upgrade order${suggestion.exact ? '' : ' found'} keeps every VM safe${how}. The best keeps at least ${suggestion.worstSafe} of ${suggestion.initialSafe} safe at every moment; at step ${suggestion.lost?.step}, ${suggestion.lost?.whileDrained ? `while ${sanitize(suggestion.lost.node, 80)} is drained for its upgrade` : `once ${sanitize(suggestion.lost?.node ?? '', 80)} is upgraded`}, ${list(suggestion.lost?.vms ?? [])} have no node left that can activate them: give them more possible owners that can, before the window.`;
  const steps = suggestion.order.map(
    (u, i) =>
      `  ${i + 1}. drain ${sanitize(`${u.cluster}/${u.node}`, 80)}, upgrade it to ${releaseName(u.release)}, resume it`,
  );
  return [verdict, ...steps];
}
