// `avma-check check`: declared facts or a saved snapshot -> analysis -> report -> exit code.
import { declaredClusters } from '../config/declared-clusters.js';
import { loadConfig } from '../config/load-config.js';
import { loadSnapshot } from '../config/load-snapshot.js';
import { UserError } from '../config/user-error.js';
import { makeSnapshot, type Snapshot } from '../model/snapshot.js';
import type { Environment } from './environment.js';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { showTui, wantsTui } from './present.js';
import { type ReportArgs, reportSnapshot } from './report-snapshot.js';

export interface CheckArgs extends ReportArgs {
  config?: string | undefined;
  snapshot?: string | undefined;
  now?: Date | undefined;
  tui?: boolean;
}

export async function inputSnapshot(args: CheckArgs, now: Date): Promise<Snapshot> {
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
  if (wantsTui(args, environment)) {
    await showTui({
      feed: null,
      clusters: snapshot.clusters,
      now,
      expiryWarningDays: args.expiryWarningDays,
      color: environment.color,
    });
  }
  return reportSnapshot(snapshot, { ...args, inputFile: args.config ?? args.snapshot }, now, environment, io);
}
