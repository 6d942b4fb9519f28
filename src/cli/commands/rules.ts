import type { Argv } from 'yargs';
import type { CommandDef } from './types.js';

type Options = { id?: string };

export const rulesCommand: CommandDef<Options> = {
  command: 'rules [id]',
  describe: 'List every rule, or explain one',
  builder: (yargs: Argv) =>
    yargs
      .positional('id', { type: 'string', describe: 'a rule id, e.g. host-not-datacenter' })
      .example('$0 rules', 'list every rule with its id, severity and title')
      .example('$0 rules guest-newer-than-host', 'explain one rule and its remedy') as Argv<Options>,
  run: async (args, context) => (await import('../run-rules.js')).runRules(args.id, context.io),
};
