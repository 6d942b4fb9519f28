import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../../domain/policy.js';
import { FORMAT_NAMES, type FormatName } from '../../report/index.js';
import { readEnvironment } from '../environment.js';
import { processIo } from '../io.js';
import { parseNow } from '../options.js';
import { runCheck } from '../run-check.js';
import { settle } from '../settle.js';

interface Options {
  config?: string;
  snapshot?: string;
  format: FormatName;
  output?: string;
  'save-snapshot'?: string;
  'expiry-warning-days': number;
  now?: string;
}

export const checkCommand: CommandModule<object, Options> = {
  command: 'check',
  describe: 'Check declared facts (clusters.yaml) or a saved scan, without SSH',
  builder: (yargs: Argv) =>
    yargs
      .option('config', {
        alias: 'c',
        type: 'string',
        describe: 'clusters.yaml with declared facts',
        requiresArg: true,
      })
      .option('snapshot', {
        type: 'string',
        describe: 'a snapshot saved by scan --save-snapshot',
        requiresArg: true,
      })
      .conflicts('config', 'snapshot')
      .option('format', {
        alias: 'f',
        choices: FORMAT_NAMES,
        default: 'text' as FormatName,
        describe: 'report format',
      })
      .option('output', {
        alias: 'o',
        type: 'string',
        describe: 'write the report to this file instead of stdout',
        requiresArg: true,
      })
      .option('save-snapshot', {
        type: 'string',
        describe: 'also write the facts as a snapshot file',
        requiresArg: true,
      })
      .option('expiry-warning-days', {
        type: 'number',
        default: DEFAULT_EXPIRY_WARNING_DAYS,
        describe: 'warn when a host activation ends within this many days',
      })
      .option('now', {
        type: 'string',
        describe: 'judge as of this date (YYYY-MM-DD), e.g. to replay a report',
        requiresArg: true,
      })
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
        {
          config: args.config,
          snapshot: args.snapshot,
          format: args.format,
          output: args.output,
          saveSnapshot: args['save-snapshot'],
          expiryWarningDays: args['expiry-warning-days'],
          now: parseNow(args.now),
        },
        readEnvironment(),
        processIo,
      ),
    ),
};
