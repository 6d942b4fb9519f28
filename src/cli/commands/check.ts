import type { Argv, CommandModule } from 'yargs';
import { readEnvironment } from '../environment.js';
import { processIo } from '../io.js';
import {
  type ReportOptions,
  reportArgs,
  withInputOptions,
  withReportOptions,
  withTuiOption,
} from '../options.js';
import { runCheck } from '../run-check.js';
import { settle } from '../settle.js';

interface Options extends ReportOptions {
  tui: boolean;
  config?: string;
  snapshot?: string;
}

export const checkCommand: CommandModule<object, Options> = {
  command: 'check',
  describe: 'Check declared facts (clusters.yaml) or a saved scan, without SSH',
  builder: (yargs: Argv) =>
    withTuiOption(withReportOptions(withInputOptions(yargs)))
      .example('$0 check --config clusters.yaml', 'check the declared facts, print a readable report')
      .example(
        '$0 check -c clusters.yaml --format json -o report.json',
        'write the JSON report for a pipeline',
      )
      .example('$0 check --snapshot scan.json', 'judge a scan saved earlier with scan --save-snapshot')
      .epilog(
        'Exit codes: 0 safe, 1 a VM at risk, 2 usage or config error, 3 no VM at risk but facts missing.',
      ) as Argv<Options>,
  handler: (args) =>
    settle(() =>
      runCheck(
        { config: args.config, snapshot: args.snapshot, tui: args.tui, ...reportArgs(args) },
        readEnvironment(),
        processIo,
      ),
    ),
};
