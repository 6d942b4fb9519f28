import type { Argv } from 'yargs';
import { DIFF_FORMATS } from '../../report/format-names.js';
import { type OutputOptionValues, outputArgs, parseNow, withOutputOptions } from '../options.js';
import type { CommandDef } from './types.js';

type Options = OutputOptionValues & { old: string; new: string; now?: string };

export const diffCommand: CommandDef<Options> = {
  command: 'diff <old> <new>',
  describe: 'What changed between two JSON reports or snapshots',
  builder: (yargs: Argv) =>
    withOutputOptions(yargs, DIFF_FORMATS)
      .positional('old', { type: 'string', demandOption: true, describe: 'the earlier report or snapshot' })
      .positional('new', { type: 'string', demandOption: true, describe: 'the later one' })
      .option('now', {
        type: 'string',
        requiresArg: true,
        describe: 'judge snapshots as of this date (YYYY-MM-DD); reports carry their own verdicts',
      })
      .example(
        '$0 diff last-week.json today.json',
        'nodes added, removed, upgraded, activation lost; VMs newly at risk',
      )
      .example('$0 diff before.json after.json -f markdown -o diff.md', 'the same as a job summary')
      .epilog(
        'Exit codes: 0 no VM newly at risk, 1 a VM newly at risk (including a new VM or cluster at risk), 2 usage or input error.',
      ) as Argv<Options>,
  run: async (args, context) =>
    (await import('../run-diff.js')).runDiff(
      { old: args.old, new: args.new, outputs: outputArgs(args), now: parseNow(args.now) },
      context,
    ),
};
