// A VM whose activation channel is unknown is judged as if it used AVMA, but it fails nowhere for certain:
// where it would fail, its target is unknown instead, with one activation-unknown finding. Pure.
import type { TargetResult, TargetVerdict } from '../model/report.js';
import activationUnknown from '../rules/activation-unknown.js';
import type { Severity } from '../rules/types.js';
import { targetVerdict } from './verdicts.js';

/**
 * `open[i]` are the severities of target i that no finding acceptance leaves out. `raise` reports the finding
 * for the failing nodes and returns whether it is accepted: then the gate leaves out what fails only if the VM
 * uses AVMA, as it leaves out every accepted finding.
 */
export function judgeUnknownChannel(
  results: readonly TargetResult[],
  open: readonly (readonly Severity[])[],
  raise: (failing: string[]) => boolean,
): { results: TargetResult[]; gates: TargetVerdict[] } {
  const failing = results.filter((target) => target.verdict === 'fail').map((target) => target.node);
  if (failing.length === 0) return { results: [...results], gates: open.map((s) => targetVerdict(s)) };
  const accepted = raise(failing);
  const ifAvma = (severity: Severity): Severity[] =>
    severity !== 'error' ? [severity] : accepted ? [] : ['unknown'];
  return {
    results: results.map((target) =>
      target.verdict === 'fail'
        ? { node: target.node, verdict: 'unknown', rules: [activationUnknown.id, ...target.rules] }
        : target,
    ),
    gates: open.map((severities) => targetVerdict(severities.flatMap(ifAvma))),
  };
}
