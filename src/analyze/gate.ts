// The gate: what a pipeline acts on. It reads a report's verdicts with accepted findings left out, under the
// options --fail-on and --unknown, and decides one verdict that every format and the exit code share. Pure.
import type { Report } from '../model/report.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const UNKNOWN_POLICIES = ['fail', 'pass'] as const;
export type UnknownPolicy = (typeof UNKNOWN_POLICIES)[number];

export interface GateOptions {
  /** error (default): a VM at risk fails the run; warning: any warning too; never: findings never fail it. */
  readonly failOn: FailOn;
  /** fail (default): missing facts make the run incomplete; pass: they are reported and pass. */
  readonly unknown: UnknownPolicy;
}

export const DEFAULT_GATE: GateOptions = { failOn: 'error', unknown: 'fail' };

export const GATE_VERDICTS = ['pass', 'fail', 'incomplete'] as const;
export type GateVerdict = (typeof GATE_VERDICTS)[number];

export interface GateResult {
  readonly verdict: GateVerdict;
  readonly options: GateOptions;
  /** VMs at risk that the gate counts (no accepted finding behind their failure). */
  readonly atRisk: number;
  /** VMs that cannot be judged, as the gate counts them. */
  readonly unknown: number;
  /** Nodes that were not read, their finding not accepted. */
  readonly unreadNodes: number;
  /** Clusters where a node that answered could not list its VMs (inventory-unread), not accepted. */
  readonly unreadInventories: number;
  /** Warnings not accepted, run-wide findings included. */
  readonly warnings: number;
  /** VMs really at risk whose failures are all accepted. */
  readonly acceptedAtRisk: number;
  /** Findings accepted by the ignore file or the baseline. */
  readonly acceptedFindings: number;
  /** The stop signal that cut the scan short, or null: such a run never passes. */
  readonly interruptedBy: string | null;
}

export function evaluateGate(
  report: Report,
  runWarnings: number,
  options: GateOptions,
  interruptedBy: string | null = null,
): GateResult {
  let atRisk = 0;
  let unknown = 0;
  let acceptedAtRisk = 0;
  let unreadNodes = 0;
  let unreadInventories = 0;
  let warnings = runWarnings;
  let acceptedFindings = 0;
  for (const cluster of report.clusters) {
    for (const vm of cluster.vms) {
      if (vm.gate === 'at-risk') atRisk++;
      else if (vm.gate === 'unknown') unknown++;
      if (vm.verdict === 'at-risk' && vm.gate !== 'at-risk') acceptedAtRisk++;
    }
    for (const finding of cluster.findings) {
      if (finding.accepted) acceptedFindings++;
      else if (finding.severity === 'warning') warnings++;
      else if (finding.rule === 'node-unreachable') unreadNodes++;
      else if (finding.rule === 'inventory-unread') unreadInventories++;
    }
  }
  const fails = options.failOn !== 'never' && (atRisk > 0 || (options.failOn === 'warning' && warnings > 0));
  const missing = unknown > 0 || unreadNodes > 0 || unreadInventories > 0;
  const incomplete = (missing && options.unknown === 'fail') || interruptedBy !== null;
  const verdict: GateVerdict = fails ? 'fail' : incomplete ? 'incomplete' : 'pass';
  return {
    verdict,
    options,
    atRisk,
    unknown,
    unreadNodes,
    unreadInventories,
    warnings,
    acceptedAtRisk,
    acceptedFindings,
    interruptedBy,
  };
}

/** Whether the gate counts a finding of this severity as a failure (error and, with --fail-on warning, warning). */
export function gateFailsOn(severity: 'error' | 'warning' | 'unknown', options: GateOptions): boolean {
  if (options.failOn === 'never') return false;
  return severity === 'error' || (severity === 'warning' && options.failOn === 'warning');
}

/** The worse of two gate verdicts: fail > incomplete > pass. */
export function worseGate(a: GateVerdict, b: GateVerdict): GateVerdict {
  const rank = { pass: 0, incomplete: 1, fail: 2 } as const;
  return rank[b] > rank[a] ? b : a;
}

/** How the gate weighs one thing: a failure, a reason the run is incomplete, advice, or accepted. */
export type Weight = 'failure' | 'incomplete' | 'advice' | 'accepted';

export function findingWeight(
  finding: { readonly severity: 'error' | 'warning' | 'unknown'; readonly accepted?: unknown },
  options: GateOptions,
): Weight {
  if (finding.accepted) return 'accepted';
  if (gateFailsOn(finding.severity, options)) return 'failure';
  return finding.severity === 'unknown' && options.unknown === 'fail' ? 'incomplete' : 'advice';
}

/** A VM as the gate weighs it; 'ok' when safe, 'not-applicable' when it does not use AVMA. */
export function vmWeight(
  vm: { readonly verdict: string; readonly gate: string },
  options: GateOptions,
): Weight | 'ok' | 'not-applicable' {
  if (vm.verdict === 'not-applicable') return 'not-applicable';
  if (vm.gate === 'at-risk') return options.failOn === 'never' ? 'advice' : 'failure';
  if (vm.gate === 'unknown') return options.unknown === 'fail' ? 'incomplete' : 'advice';
  return vm.verdict === 'safe' ? 'ok' : 'accepted';
}
