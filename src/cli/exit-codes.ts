// The exit codes a pipeline can rely on (README, "Exit codes").
import type { GateVerdict } from '../analyze/gate.js';
import type { StopSignal } from './context.js';

export const ExitCode = {
  Pass: 0,
  Fail: 1,
  Usage: 2,
  Incomplete: 3,
  /** Ctrl-C (128 + SIGINT): the report covers what was gathered. */
  Interrupted: 130,
  /** SIGTERM (128 + 15), as a cancelled CI job or `timeout` sends it: the report covers what was gathered. */
  Terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const OF_GATE: Record<GateVerdict, ExitCode> = {
  pass: ExitCode.Pass,
  fail: ExitCode.Fail,
  incomplete: ExitCode.Incomplete,
};

/** The exit code of a run: the gate's, unless a stop signal cut it short. */
export function exitCodeOf(verdict: GateVerdict, stoppedBy: StopSignal | null = null): ExitCode {
  if (stoppedBy === 'SIGINT') return ExitCode.Interrupted;
  if (stoppedBy === 'SIGTERM') return ExitCode.Terminated;
  return OF_GATE[verdict];
}
