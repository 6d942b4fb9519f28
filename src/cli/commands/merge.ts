import type { Argv } from 'yargs';
import type { CommandDef } from './types.js';

type Options = { snapshots: string[]; output?: string };

export const mergeCommand: CommandDef<Options> = {
  command: 'merge <snapshots..>',
  describe: 'Combine snapshots of several runs (a CI job per cluster) into one, for check --snapshot',
  builder: (yargs: Argv) =>
    yargs
      .positional('snapshots', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'snapshots saved with --save-snapshot',
      })
      .option('output', {
        alias: 'o',
        type: 'string',
        requiresArg: true,
        describe: 'write the merged snapshot to this file instead of stdout (- is stdout)',
      })
      .example('$0 merge prod.json branch.json -o fleet.json', 'one snapshot of both clusters')
      .example('$0 check --snapshot fleet.json -f junit -o fleet.xml', 'then judge the fleet')
      .epilog(
        'A cluster that appears in two snapshots with different facts is refused (exit code 2): merge one snapshot per cluster.',
      ) as Argv<Options>,
  run: async (args, context) =>
    (await import('../run-merge.js')).runMerge({ files: args.snapshots, output: args.output }, context),
};
