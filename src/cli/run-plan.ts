// `avma-check plan`: what if these nodes are drained, evicted, upgraded or added, step by step. The exit code
// and every format follow the worst step from the first on; the state before the plan is shown for comparison.
import { judgePlan, type PlanStep } from '../analyze/plan.js';
import { rollingUpgradeTargets, suggestOrder } from '../analyze/suggest-order.js';
import { describeChange } from '../analyze/what-if.js';
import { loadPlanFile } from '../config/plan-file.js';
import { UserError } from '../config/user-error.js';
import type { PlanFormat } from '../report/format-names.js';
import type { Context } from './context.js';
import { exitCodeOf } from './exit-codes.js';
import { ignoreFileOf, loadJudgeOptions } from './judgement-input.js';
import type { InputOptionValues, JudgeArgs } from './options.js';
import { type OutputSpec, writeOutput } from './outputs.js';
import { type PlanFlags, stepsFromFile, stepsFromFlags } from './plan-steps.js';
import { prepareOutputs } from './prepare-outputs.js';
import { inputFileOf, inputFilesOf, readInput } from './read-input.js';
import { VERSION } from './version.js';

export interface PlanArgs {
  input: InputOptionValues;
  outputs: OutputSpec[];
  judge: JudgeArgs;
  flags: PlanFlags;
  planFile?: string | undefined;
  suggestOrder: boolean;
}

/** The suggested order as steps: each node drained for its upgrade, then upgraded and resumed. */
function suggestedSteps(order: ReturnType<typeof suggestOrder>['order']): PlanStep[] {
  return order.flatMap((u) => [
    {
      title: `drain ${u.node} for its upgrade`,
      changes: [{ kind: 'drain' as const, cluster: u.cluster, node: u.node }],
    },
    {
      title: `${describeChange({ kind: 'upgrade', ...u })}, then resume it`,
      changes: [
        { kind: 'upgrade' as const, ...u },
        { kind: 'resume' as const, cluster: u.cluster, node: u.node },
      ],
    },
  ]);
}

export async function runPlanCommand(args: PlanArgs, context: Context): Promise<number> {
  const started = performance.now();
  const inputFile = inputFileOf(args.input);
  const ignoreFile = ignoreFileOf(args.judge, inputFile);
  const outputs = await prepareOutputs<PlanFormat>(args.outputs, undefined, [
    ...inputFilesOf(args.input),
    { what: 'ignore file', file: ignoreFile },
    { what: 'baseline', file: args.judge.baseline },
    { what: 'plan file', file: args.planFile },
  ]);
  const now = args.judge.now ?? context.clock();
  const input = await readInput(args.input, now);
  const clusters = input.snapshot.clusters;
  const options = await loadJudgeOptions(args.judge, ignoreFile, now);
  let steps: PlanStep[] = [
    ...(args.planFile ? stepsFromFile(clusters, (await loadPlanFile(args.planFile)).steps) : []),
    ...stepsFromFlags(clusters, args.flags),
  ];
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
    suggestion = suggestOrder(clusters, upgrades.length > 0 ? upgrades : rollingUpgradeTargets(clusters), {
      now,
      expiryWarningDays: options.expiryWarningDays,
    });
    steps = suggestedSteps(suggestion.order);
  } else if (steps.length === 0) {
    throw new UserError(
      'no change to plan',
      'give --drain, --evict, --upgrade NODE=RELEASE, --edition NODE=EDITION, --add-node NAME=RELEASE[:EDITION], --plan-file or --suggest-order',
    );
  }
  const plan = judgePlan(clusters, steps, options, suggestion);
  const exitCode = exitCodeOf(plan.verdict);
  const { planFormatters } = await import('../report/plan/index.js');
  for (const { format, destination } of outputs.reports) {
    const chunks = planFormatters[format](plan, {
      color: destination.file === null ? context.environment.color : false,
      exitCode,
      locate: input.locate,
      timings: { totalMs: performance.now() - started },
      version: VERSION,
    });
    await writeOutput(destination, chunks, context.io.stdout);
  }
  return exitCode;
}
