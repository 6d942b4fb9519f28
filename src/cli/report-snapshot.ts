// The tail every command shares: optionally save the snapshot, analyse it, write the report, pick the exit code.
import { analyze } from '../analyze/analyze.js';
import { type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import { type FormatName, formatters } from '../report/index.js';
import type { Environment } from './environment.js';
import { type ExitCode, exitCodeFor } from './exit-codes.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

export interface ReportArgs {
  format: FormatName;
  output?: string | undefined;
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
  const exitCode = exitCodeFor(report.verdict);
  const color = args.output ? false : environment.color;
  await writeOutput(formatters[args.format](report, { color, exitCode }), args.output, io.stdout);
  return exitCode;
}
