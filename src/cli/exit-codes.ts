import type { RunVerdict } from '../model/report.js';

/** The exit codes a pipeline can rely on (README, "Exit codes"). */
export const ExitCode = {
  Safe: 0,
  AtRisk: 1,
  Usage: 2,
  Incomplete: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(verdict: RunVerdict): ExitCode {
  if (verdict === 'at-risk') return ExitCode.AtRisk;
  return verdict === 'incomplete' ? ExitCode.Incomplete : ExitCode.Safe;
}
