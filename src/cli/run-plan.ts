// `avma-check plan`: what if these nodes are drained, evicted, upgraded or added, step by step.

import { baselineSuppressions } from '../analyze/baseline.js';
import { type PlanStep, rollingUpgradeTargets, runPlan, suggestOrder } from '../analyze/plan.js';
import { describeChange } from '../analyze/what-if.js';
import { loadBaseline } from '../config/load-baseline.js';
import { loadPlanFile } from '../config/plan-file.js';
import { UserError } from '../config/user-error.js';
import { formatters } from '../report/index.js';
import { formatPlanJson, formatPlanText } from '../report/plan.js';
import type { Environment } from './environment.js';
import { ExitCode, gateExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { type PlanFlags, stepsFromFile, stepsFromFlags } from './plan-steps.js';
import { type ReportArgs, suppressionsFor } from './report-snapshot.js';
import { type CheckArgs, inputSnapshot } from './run-check.js';
import { writeOutput } from './write-output.js';

export interface PlanArgs extends ReportArgs, PlanFlags {
  config?: string | undefined;
  snapshot?: string | undefined;
  planFile?: string | undefined;
  suggestOrder: boolean;
  now?: Date | undefined;
}

const SEVERITY: Record<ExitCode, number> = { 0: 0, 3: 1, 1: 2, 2: 3 };

export async function runPlanCommand(args: PlanArgs, environment: Environment, io: Io): Promise<ExitCode> {
  const now = args.now ?? environment.now;
  const snapshot = await inputSnapshot(args as CheckArgs, now);
  const clusters = snapshot.clusters;
  const steps: PlanStep[] = [
    ...(args.planFile ? stepsFromFile(clusters, (await loadPlanFile(args.planFile)).steps) : []),
    ...stepsFromFlags(clusters, args),
  ];
  const baseline = args.baseline
    ? baselineSuppressions(await loadBaseline(args.baseline), args.baseline)
    : [];
  const suppressions = [
    ...(await suppressionsFor({ ...args, inputFile: args.config ?? args.snapshot })),
    ...baseline,
  ];
  const options = { now, expiryWarningDays: args.expiryWarningDays, suppressions };
  let suggestion = null;
  if (args.suggestOrder) {
    const upgrades = steps.flatMap((s) =>
      s.changes.flatMap((c) =>
        c.kind === 'upgrade' ? [{ cluster: c.cluster, node: c.node, release: c.release }] : [],
      ),
    );
    if (upgrades.length !== steps.reduce((n, s) => n + s.changes.length, 0))
      throw new UserError(
        '--suggest-order orders node upgrades only',
        "give only --upgrade NODE=RELEASE, or none to upgrade every node to its cluster's newest release",
      );
    suggestion = suggestOrder(
      clusters,
      upgrades.length > 0 ? upgrades : rollingUpgradeTargets(clusters),
      options,
    );
    steps.splice(
      0,
      steps.length,
      ...suggestion.order.map((u) => ({
        title: describeChange({ kind: 'upgrade', ...u }),
        changes: [{ kind: 'upgrade' as const, ...u }],
      })),
    );
  } else if (steps.length === 0) {
    throw new UserError(
      'no change to plan',
      'give --drain, --evict, --upgrade NODE=RELEASE, --edition NODE=EDITION, --add-node NAME=RELEASE[:EDITION], --plan-file or --suggest-order',
    );
  }
  const plan = runPlan(clusters, steps, options);
  const reports = [plan.initial, ...plan.steps.map((s) => s.report)];
  const exitCode = reports
    .map((r) => gateExitCode(r, args.gate))
    .reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), ExitCode.Safe as ExitCode);
  const final = plan.steps.at(-1)?.report ?? plan.initial;
  for (const { format, file } of args.outputs) {
    const context = { color: file === null ? environment.color : false, exitCode };
    const text =
      format === 'text'
        ? formatPlanText(plan, suggestion, context)
        : format === 'json'
          ? formatPlanJson(plan, suggestion)
          : formatters[format](final, context);
    await writeOutput(text, file ?? undefined, io.stdout);
  }
  return exitCode;
}
