// The tail every command shares: optionally save the snapshot, analyse it, write each report, pick the exit code.
import { analyze } from '../analyze/analyze.js';
import { type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import { type FormatName, formatters } from '../report/index.js';
import type { Environment } from './environment.js';
import { type ExitCode, type Gate, gateExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

/** One report to write: a format and a file, or stdout (null). */
export interface OutputTarget {
  format: FormatName;
  file: string | null;
}

export interface ReportArgs {
  outputs: OutputTarget[];
  gate: Gate;
  saveSnapshot?: string | undefined;
  expiryWarningDays: number;
}

export async function reportSnapshot(
  snapshot: Snapshot,
  args: ReportArgs,
  now: Date,
  environment: Environment,
  io: Io,
): Promise<ExitCode> {
  if (args.saveSnapshot) await writeOutput(serializeSnapshot(snapshot), args.saveSnapshot, io.stdout);
  const report = analyze(snapshot.clusters, { now, expiryWarningDays: args.expiryWarningDays });
  const exitCode = gateExitCode(report, args.gate);
  for (const { format, file } of args.outputs) {
    const color = file === null ? environment.color : false;
    await writeOutput(formatters[format](report, { color, exitCode }), file ?? undefined, io.stdout);
  }
  return exitCode;
}
