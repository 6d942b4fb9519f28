import type { Report } from '../model/report.js';

/** The exit codes a pipeline can rely on (README, "Exit codes"). */
export const ExitCode = {
  Safe: 0,
  AtRisk: 1,
  Usage: 2,
  Incomplete: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const UNKNOWN_POLICIES = ['fail', 'pass'] as const;
export type UnknownPolicy = (typeof UNKNOWN_POLICIES)[number];

export interface Gate {
  /** error (default): a VM at risk fails the run; warning: any warning too; never: findings never fail it. */
  failOn: FailOn;
  /** fail (default): missing facts end with exit code 3; pass: they do not. */
  unknown: UnknownPolicy;
}

export const DEFAULT_GATE: Gate = { failOn: 'error', unknown: 'fail' };

/** The exit code of a run under the gate options (README, "Exit codes"). */
export function gateExitCode(report: Report, gate: Gate): ExitCode {
  if (gate.failOn !== 'never') {
    if (report.verdict === 'at-risk') return ExitCode.AtRisk;
    const warned = report.clusters.some((cluster) =>
      cluster.findings.some((finding) => finding.severity === 'warning' && !finding.suppressed),
    );
    if (gate.failOn === 'warning' && warned) return ExitCode.AtRisk;
  }
  return report.verdict === 'incomplete' && gate.unknown === 'fail' ? ExitCode.Incomplete : ExitCode.Safe;
}
