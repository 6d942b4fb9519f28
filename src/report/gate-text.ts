// The run's verdict in words, from the gate: the one sentence every format prints, so that no line can say
// PASS while the exit code says otherwise.
import type { GateResult, GateVerdict } from '../analyze/gate.js';
import type { VerdictCounts } from '../model/report.js';
import { plural } from './describe.js';

export const GATE_WORD: Record<GateVerdict, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  incomplete: 'INCOMPLETE',
};

/** Why the gate decided as it did, in clauses; never empty. */
export function gateReasons(gate: GateResult): string[] {
  const { options } = gate;
  const reasons: string[] = [];
  const unread = gate.unreadNodes > 0 ? [`${plural(gate.unreadNodes, 'node')} not read`] : [];
  const unknown = gate.unknown > 0 ? [`${plural(gate.unknown, 'VM')} cannot be judged`] : [];
  if (gate.unreadInventories > 0)
    unread.push(`the VMs of ${plural(gate.unreadInventories, 'cluster')} not all listed`);
  if (gate.verdict === 'fail') {
    if (gate.atRisk > 0) reasons.push(`${plural(gate.atRisk, 'VM')} at risk`);
    if (options.failOn === 'warning' && gate.warnings > 0)
      reasons.push(`${plural(gate.warnings, 'warning')} (--fail-on warning)`);
    if (gate.interruptedBy)
      reasons.push(`the scan was interrupted (${gate.interruptedBy}) before every node answered`);
    return reasons;
  }
  if (gate.verdict === 'incomplete') {
    const cut = gate.interruptedBy
      ? [`the scan was interrupted (${gate.interruptedBy}) before every node answered`]
      : [];
    const missing = [...cut, ...unknown, ...unread];
    return ['no VM at risk, but', missing.join(' and ')];
  }
  if (options.failOn === 'never' && gate.atRisk > 0)
    reasons.push(`${plural(gate.atRisk, 'VM')} at risk, which --fail-on never does not count`);
  if (gate.acceptedAtRisk > 0)
    reasons.push(`${plural(gate.acceptedAtRisk, 'VM')} at risk only by accepted findings`);
  if (options.unknown === 'pass' && (gate.unknown > 0 || gate.unreadNodes > 0 || gate.unreadInventories > 0))
    reasons.push(`${[...unknown, ...unread].join(' and ')}, which --unknown pass lets pass`);
  if (reasons.length === 0)
    reasons.push('every VM that uses AVMA stays activatable on every node it can land on');
  return reasons;
}

/** "FAIL: 2 VMs at risk": the headline of every format. */
export function gateHeadline(gate: GateResult): string {
  const reasons = gateReasons(gate);
  const text = gate.verdict === 'incomplete' ? reasons.join(' ') : reasons.join('; ');
  return `${GATE_WORD[gate.verdict]}: ${text}`;
}

/** "2 at risk, 1 unknown, 3 safe, 1 not using AVMA in 1 cluster": the real counts, every finding included. */
export function countsText(counts: VerdictCounts, clusters: number): string {
  const parts = [`${counts.atRisk} at risk`, `${counts.unknown} unknown`, `${counts.safe} safe`];
  if (counts.notApplicable > 0) parts.push(`${counts.notApplicable} not using AVMA`);
  return `${parts.join(', ')} in ${plural(clusters, 'cluster')}`;
}
