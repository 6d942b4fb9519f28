import type { Argv, CommandModule } from 'yargs';
import { readEnvironment } from '../environment.js';
import { processIo } from '../io.js';
import { runDiff } from '../run-diff.js';
import { settle } from '../settle.js';

interface Options {
  old: string;
  new: string;
  format: 'text' | 'json';
}

export const diffCommand: CommandModule<object, Options> = {
  command: 'diff <old> <new>',
  describe: 'What changed between two JSON reports or snapshots',
  builder: (yargs: Argv) =>
    yargs
      .positional('old', { type: 'string', demandOption: true, describe: 'the earlier report or snapshot' })
      .positional('new', { type: 'string', demandOption: true, describe: 'the later one' })
      .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const })
      .example(
        '$0 diff last-week.json today.json',
        'nodes added, removed, upgraded, activation lost; VMs newly at risk',
      )
      .epilog(
        'Exit codes: 0 no VM newly at risk, 1 a VM newly at risk, 2 usage or input error.',
      ) as Argv<Options>,
  handler: (args) =>
    settle(() =>
      runDiff({ old: args.old, new: args.new, format: args.format }, readEnvironment(), processIo),
    ),
};
