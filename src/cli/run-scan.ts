// `avma-check scan`: reach every node over SSH, then the same analysis and reports as `check`.
import { analyze } from '../analyze/analyze.js';
import type { Config } from '../config/schema.js';
import { type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import { type FormatName, formatters } from '../report/index.js';
import { progressLine } from '../report/progress.js';
import { scanToSnapshot } from '../scan/scan.js';
import type { Environment } from './environment.js';
import { type ExitCode, exitCodeFor } from './exit-codes.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

export interface ScanArgs {
  format: FormatName;
  output?: string | undefined;
  saveSnapshot?: string | undefined;
  expiryWarningDays: number;
  concurrency: number;
  connectTimeout?: number | undefined;
  commandTimeout?: number | undefined;
  acceptNewHostKeys: boolean;
  now?: Date | undefined;
}

/** Ctrl-C stops the scan: connections close, and what was gathered is still reported. */
function interruptible(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, done: () => process.removeListener('SIGINT', onSigint) };
}

export async function scanAndReport(
  config: Config,
  args: ScanArgs,
  environment: Environment,
  io: Io,
): Promise<ExitCode> {
  const now = args.now ?? environment.now;
  const interrupt = interruptible();
  let snapshot: Snapshot;
  try {
    snapshot = await scanToSnapshot(
      config,
      {
        now,
        env: environment.env,
        concurrency: args.concurrency,
        acceptNewHostKeys: args.acceptNewHostKeys,
        connectTimeoutSeconds: args.connectTimeout,
        commandTimeoutSeconds: args.commandTimeout,
        signal: interrupt.signal,
      },
      (event) => {
        const line = progressLine(event, environment.colorStderr);
        if (line !== null) io.stderr.write(`${line}\n`);
      },
    );
  } finally {
    interrupt.done();
  }
  if (interrupt.signal.aborted) io.stderr.write('Interrupted: reporting what was gathered.\n');
  if (args.saveSnapshot) await writeOutput(serializeSnapshot(snapshot), args.saveSnapshot, io.stdout);
  const report = analyze(snapshot.clusters, { now, expiryWarningDays: args.expiryWarningDays });
  const exitCode = exitCodeFor(report.verdict);
  const color = args.output ? false : environment.color;
  await writeOutput(formatters[args.format](report, { color, exitCode }), args.output, io.stdout);
  return exitCode;
}
