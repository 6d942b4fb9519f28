// `avma-check scan`: reach every node over SSH, then the same analysis and reports as `check`.
import type { Config } from '../config/schema.js';
import type { Snapshot } from '../model/snapshot.js';
import { progressLine } from '../report/progress.js';
import { scanToSnapshot } from '../scan/scan.js';
import { ScanFeed } from '../tui/scan-progress.js';
import type { Environment } from './environment.js';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { showTui, wantsTui } from './present.js';
import { type ReportArgs, reportSnapshot } from './report-snapshot.js';

export interface ScanArgs extends ReportArgs {
  concurrency: number;
  connectTimeout?: number | undefined;
  commandTimeout?: number | undefined;
  acceptNewHostKeys: boolean;
  tui: boolean;
  now?: Date | undefined;
}

/** Ctrl-C stops the scan: connections close, and what was gathered is still reported. */
function interruptible(): { controller: AbortController; done: () => void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { controller, done: () => process.removeListener('SIGINT', onSigint) };
}

export async function scanAndReport(
  config: Config,
  args: ScanArgs,
  environment: Environment,
  io: Io,
): Promise<ExitCode> {
  const now = args.now ?? environment.now;
  const interrupt = interruptible();
  const interactive = wantsTui(args, environment);
  const feed = interactive ? new ScanFeed() : null;
  const ui = feed
    ? showTui({
        feed,
        clusters: null,
        now,
        expiryWarningDays: args.expiryWarningDays,
        color: environment.color,
        onInterrupt: () => interrupt.controller.abort(),
      })
    : null;
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
        signal: interrupt.controller.signal,
      },
      (event) => {
        if (feed) return feed.push(event);
        const line = progressLine(event, environment.colorStderr);
        if (line !== null) io.stderr.write(`${line}\n`);
      },
    );
  } finally {
    interrupt.done();
  }
  await ui;
  if (interrupt.controller.signal.aborted) io.stderr.write('Interrupted: reporting what was gathered.\n');
  return reportSnapshot(snapshot, args, now, environment, io);
}
