// `avma-check scan` and `demo`: reach every node over SSH, then the same judgement and reports as `check`.
// Ctrl-C and SIGTERM stop the scan: connections close, what was gathered is reported, and the exit code says
// the run was interrupted.
import { judge } from '../analyze/judge.js';
import { whatIfJudge } from '../analyze/what-if-judge.js';
import type { Config } from '../config/schema.js';
import type { ClusterRecord } from '../model/facts.js';
import type { Locator } from '../model/locator.js';
import type { ReportFormat } from '../report/format-names.js';
import { hostKeyRecordedLine, progressLine } from '../report/progress.js';
import { escapeJsonControls, sanitize } from '../report/sanitize.js';
import { scanToSnapshot } from '../scan/scan.js';
import { ScanFeed } from '../tui/scan-progress.js';
import type { Context, StopSignal } from './context.js';
import { finishRun } from './finish-run.js';
import { loadJudgeOptions } from './judgement-input.js';
import type { JudgeArgs } from './options.js';
import { type PlanCommandInput, planCommand, planCommandText } from './plan-command.js';
import type { PreparedOutputs } from './prepare-outputs.js';
import { showTui, wantsTui } from './present.js';

export interface ScanArgs {
  config: Config;
  locate: Locator | null;
  outputs: PreparedOutputs<ReportFormat>;
  ignoreFile: string | undefined;
  judge: JudgeArgs;
  tui: boolean;
  concurrency: number;
  connectTimeout?: number | undefined;
  commandTimeout?: number | undefined;
  acceptNewHostKeys: boolean;
}

export async function scanAndReport(args: ScanArgs, context: Context): Promise<number> {
  const started = performance.now();
  const { io, environment } = context;
  const now = args.judge.now ?? context.clock();
  // Ignore file and baseline are read before any node is contacted: a broken one stops the run at once.
  const options = await loadJudgeOptions(args.judge, args.ignoreFile, now);
  const controller = new AbortController();
  let stoppedBy: StopSignal | null = null;
  const stop = (signal: StopSignal) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  const unlisten = context.signals.listen(stop);
  const feed = wantsTui(args.tui, args.outputs.reports, environment) ? new ScanFeed() : null;
  const clusterMs = new Map<string, number>();
  const plan = (clusters: readonly ClusterRecord[]): PlanCommandInput => ({
    // A '-' snapshot goes to stdout: no file to plan from.
    source: { kind: 'scan', savedSnapshot: args.outputs.snapshot?.file ?? undefined },
    judge: args.judge,
    ignoreFile: args.ignoreFile,
    clusters,
  });
  const ui = feed
    ? showTui(
        {
          feed,
          clusters: null,
          judge: (clusters, changes) =>
            whatIfJudge({ ...options, interruptedBy: stoppedBy })(clusters, changes),
          color: environment.color,
          onInterrupt: () => stop('SIGINT'),
          planCommand: (changes) => planCommand(plan(feed.get().snapshot?.clusters ?? []), changes),
        },
        io.stdout,
      )
    : null;
  const recordedUnderUi: string[] = [];
  let snapshot: Awaited<ReturnType<typeof scanToSnapshot>>;
  try {
    snapshot = await scanToSnapshot(
      args.config,
      {
        now,
        env: environment.env,
        concurrency: args.concurrency,
        acceptNewHostKeys: args.acceptNewHostKeys,
        connectTimeoutSeconds: args.connectTimeout,
        commandTimeoutSeconds: args.commandTimeout,
        signal: controller.signal,
        // --debug: what a node printed when it could not be used, for a bug report. The bytes are the node's:
        // one JSON line each, so no control character reaches the terminal.
        ...(context.debug && {
          onRawOutput: (raw) =>
            io.stderr.write(
              `avma-check: --debug: raw output of ${sanitize(`${raw.cluster}/${raw.node}`, 200)}: ${escapeJsonControls(
                JSON.stringify({
                  cluster: raw.cluster,
                  node: raw.node,
                  host: raw.host,
                  stdout: raw.stdout.toString('utf8'),
                  stderr: raw.stderr.toString('utf8'),
                }),
              )}\n`,
            ),
        }),
      },
      (event) => {
        if (event.type === 'node-finished')
          clusterMs.set(event.cluster, Math.max(clusterMs.get(event.cluster) ?? 0, event.ms));
        if (feed) {
          // Keys recorded under the UI are listed when it closes: a trust decision is never only on a screen.
          if (event.type === 'host-key-recorded') recordedUnderUi.push(hostKeyRecordedLine(event));
          return feed.push(event);
        }
        const line = progressLine(event, environment.colorStderr);
        if (line !== null) io.stderr.write(`${line}\n`);
      },
    );
  } finally {
    unlisten();
  }
  const shown = await ui;
  for (const line of recordedUnderUi) io.stderr.write(`${line}\n`);
  if (stoppedBy) io.stderr.write(`Interrupted (${sanitize(stoppedBy)}): reporting what was gathered.\n`);
  const judgement = judge(snapshot.clusters, { ...options, interruptedBy: stoppedBy });
  const exitCode = await finishRun(
    {
      snapshot,
      judgement,
      outputs: args.outputs,
      locate: args.locate,
      timings: { totalMs: performance.now() - started, clusters: clusterMs },
      stoppedBy,
    },
    context,
  );
  if (shown?.plan) io.stdout.write(planCommandText(planCommand(plan(snapshot.clusters), shown.plan)));
  return exitCode;
}
