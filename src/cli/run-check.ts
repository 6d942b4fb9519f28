// `avma-check check`: declared facts or a saved snapshot -> analysis -> report -> exit code.
import { analyze } from '../analyze/analyze.js';
import { declaredClusters } from '../config/declared-clusters.js';
import { loadConfig } from '../config/load-config.js';
import { loadSnapshot } from '../config/load-snapshot.js';
import { makeSnapshot, type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import { type FormatName, formatters } from '../report/index.js';
import type { Environment } from './environment.js';
import { UserError } from './errors.js';
import { type ExitCode, exitCodeFor } from './exit-codes.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

export interface CheckArgs {
  config?: string | undefined;
  snapshot?: string | undefined;
  format: FormatName;
  output?: string | undefined;
  saveSnapshot?: string | undefined;
  expiryWarningDays: number;
  now?: Date | undefined;
}

async function inputSnapshot(args: CheckArgs, now: Date): Promise<Snapshot> {
  if (args.config && args.snapshot) throw new UserError('give --config or --snapshot, not both');
  if (args.snapshot) return loadSnapshot(args.snapshot);
  if (args.config) return makeSnapshot(declaredClusters(await loadConfig(args.config)), now, 'config');
  throw new UserError(
    'nothing to check',
    'give --config clusters.yaml (declared facts) or --snapshot scan.json (a saved scan)',
  );
}

export async function runCheck(args: CheckArgs, environment: Environment, io: Io): Promise<ExitCode> {
  const now = args.now ?? environment.now;
  const snapshot = await inputSnapshot(args, now);
  if (args.saveSnapshot) await writeOutput(serializeSnapshot(snapshot), args.saveSnapshot, io.stdout);
  const report = analyze(snapshot.clusters, { now, expiryWarningDays: args.expiryWarningDays });
  const exitCode = exitCodeFor(report.verdict);
  const color = args.output ? false : environment.color;
  await writeOutput(formatters[args.format](report, { color, exitCode }), args.output, io.stdout);
  return exitCode;
}
