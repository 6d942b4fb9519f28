import type { Argv, CommandModule } from 'yargs';
import { processIo } from '../io.js';
import { runRules } from '../run-rules.js';
import { settle } from '../settle.js';

interface Options {
  id?: string;
}

export const rulesCommand: CommandModule<object, Options> = {
  command: 'rules [id]',
  describe: 'List every rule, or explain one',
  builder: (yargs: Argv) =>
    yargs
      .positional('id', { type: 'string', describe: 'a rule id, e.g. host-not-datacenter' })
      .example('$0 rules', 'list every rule with its id, severity and title')
      .example('$0 rules guest-newer-than-host', 'explain one rule and its remedy') as Argv<Options>,
  handler: (args) => settle(async () => runRules(args.id, processIo)),
};
