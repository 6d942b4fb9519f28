// The tail every command shares: suppressions and baseline, analysis, each report written, the exit code.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../analyze/analyze.js';
import { baselineSuppressions, goneSinceBaseline } from '../analyze/baseline.js';
import { expiredSuppressions, type Suppression } from '../analyze/suppress.js';
import { loadIgnoreFile } from '../config/ignore-file.js';
import { loadBaseline } from '../config/load-baseline.js';
import { type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import { type FormatName, formatters } from '../report/index.js';
import { sanitize } from '../report/sanitize.js';
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
  ignoreFile?: string | undefined;
  baseline?: string | undefined;
  /** The config or snapshot read, beside which .avma-ignore.yaml is looked for. */
  inputFile?: string | undefined;
}

export const DEFAULT_IGNORE_FILE = '.avma-ignore.yaml';

export async function suppressionsFor(args: ReportArgs): Promise<Suppression[]> {
  if (args.ignoreFile) return loadIgnoreFile(args.ignoreFile);
  const beside = args.inputFile ? join(dirname(args.inputFile), DEFAULT_IGNORE_FILE) : null;
  return beside && existsSync(beside) ? loadIgnoreFile(beside) : [];
}

export async function reportSnapshot(
  snapshot: Snapshot,
  args: ReportArgs,
  now: Date,
  environment: Environment,
  io: Io,
): Promise<ExitCode> {
  const ignored = await suppressionsFor(args);
  const baseline = args.baseline ? await loadBaseline(args.baseline) : null;
  for (const s of expiredSuppressions(ignored, now)) {
    io.stderr.write(
      `avma-check: ${s.source}: the suppression of ${s.rule} expired on ${s.expires?.slice(0, 10)}; it no longer applies\n`,
    );
  }
  const suppressions = [
    ...ignored,
    ...(baseline && args.baseline ? baselineSuppressions(baseline, args.baseline) : []),
  ];
  if (args.saveSnapshot) await writeOutput(serializeSnapshot(snapshot), args.saveSnapshot, io.stdout);
  const report = analyze(snapshot.clusters, { now, expiryWarningDays: args.expiryWarningDays, suppressions });
  if (baseline) {
    const gone = goneSinceBaseline(baseline, report);
    io.stderr.write(`Since the baseline: ${gone.length} finding${gone.length === 1 ? '' : 's'} gone\n`);
    for (const f of gone)
      io.stderr.write(
        `  - ${f.rule} ${sanitize([f.cluster, f.node, f.vm].filter(Boolean).join('/'), 200)}: ${sanitize(f.message)}\n`,
      );
  }
  const exitCode = gateExitCode(report, args.gate);
  for (const { format, file } of args.outputs) {
    const color = file === null ? environment.color : false;
    await writeOutput(formatters[format](report, { color, exitCode }), file ?? undefined, io.stdout);
  }
  return exitCode;
}
