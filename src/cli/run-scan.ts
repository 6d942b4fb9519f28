// `avma-check scan`: reach every node over SSH, then the same analysis and reports as `check`.
import type { Config } from '../config/schema.js';
import type { Snapshot } from '../model/snapshot.js';
import { progressLine } from '../report/progress.js';
import { scanToSnapshot } from '../scan/scan.js';
import type { Environment } from './environment.js';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { type ReportArgs, reportSnapshot } from './report-snapshot.js';

export interface ScanArgs extends ReportArgs {
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
  return reportSnapshot(snapshot, args, now, environment, io);
}
