import type { Argv } from 'yargs';
import { PLAN_FORMATS } from '../../report/format-names.js';
import {
  type InputOptionValues,
  type JudgeOptionValues,
  judgeArgs,
  type OutputOptionValues,
  outputArgs,
  withInputOptions,
  withJudgeOptions,
  withOutputOptions,
} from '../options.js';
import { type CommandDef, EXIT_CODES_EPILOG } from './types.js';

type Options = InputOptionValues &
  OutputOptionValues &
  JudgeOptionValues & {
    drain?: string[];
    evict?: string[];
    upgrade?: string[];
    edition?: string[];
    'add-node'?: string[];
    'plan-file'?: string;
    'suggest-order': boolean;
  };

const list = (describe: string) => ({ type: 'string' as const, array: true, requiresArg: true, describe });

export const planCommand: CommandDef<Options> = {
  command: 'plan',
  describe:
    'What if nodes are drained, evicted, upgraded or added? Step by step, before the maintenance window',
  builder: (yargs: Argv) =>
    withJudgeOptions(withOutputOptions(withInputOptions(yargs), PLAN_FORMATS))
      .option('drain', list('NODE: it stays in the cluster but takes no VMs (one step each)'))
      .option('evict', list('NODE: it leaves the cluster'))
      .option('upgrade', list('NODE=RELEASE, e.g. HV03=2025'))
      .option('edition', list('NODE=EDITION, e.g. HV04=Datacenter'))
      .option('add-node', list('[CLUSTER/]NAME=RELEASE[:EDITION], e.g. HV06=2025:Datacenter'))
      .option('plan-file', {
        type: 'string',
        requiresArg: true,
        describe: 'a YAML file of ordered steps (README, "Maintenance planning")',
      })
      .option('suggest-order', {
        type: 'boolean',
        default: false,
        describe:
          "find the order of node upgrades that keeps the most VMs safe at every moment, each node drained for its upgrade (the --upgrade nodes, or every node below its cluster's newest release)",
      })
      .example('$0 plan -c clusters.yaml --drain HV04', 'which VMs lose their activation if HV04 is drained')
      .example(
        '$0 plan -c clusters.yaml --upgrade HV03=2025 --upgrade HV04=2025',
        'each upgrade as a step, in order',
      )
      .example('$0 plan -c clusters.yaml --suggest-order', 'the safest order for a rolling upgrade')
      .example(
        '$0 plan --snapshot scan.json --plan-file window.yaml -f markdown -o plan.md',
        'a maintenance window for the change request',
      )
      .epilog(
        'Steps from flags run in the order drain, evict, upgrade, edition, add-node; a plan file keeps its own order. ' +
          `The verdict and exit code are those of the worst step; the state before the plan is shown for comparison.\n\n${EXIT_CODES_EPILOG}`,
      ) as Argv<Options>,
  run: async (args, context) =>
    (await import('../run-plan.js')).runPlanCommand(
      {
        input: { config: args.config, snapshot: args.snapshot, collected: args.collected },
        outputs: outputArgs(args),
        judge: judgeArgs(args),
        flags: {
          drain: args.drain ?? [],
          evict: args.evict ?? [],
          upgrade: args.upgrade ?? [],
          edition: args.edition ?? [],
          addNode: args['add-node'] ?? [],
        },
        planFile: args['plan-file'],
        suggestOrder: args['suggest-order'],
      },
      context,
    ),
};
