import type { Argv } from 'yargs';
import { REPORT_FORMATS } from '../../report/format-names.js';
import {
  type InputOptionValues,
  type JudgeOptionValues,
  judgeArgs,
  type OutputOptionValues,
  outputArgs,
  withInputOptions,
  withJudgeOptions,
  withOutputOptions,
  withSaveSnapshot,
  withTuiOption,
} from '../options.js';
import { type CommandDef, EXIT_CODES_EPILOG } from './types.js';

type Options = InputOptionValues &
  OutputOptionValues &
  JudgeOptionValues & { 'save-snapshot'?: string; tui: boolean };

export const checkCommand: CommandDef<Options> = {
  command: 'check',
  describe: 'Judge declared facts (clusters.yaml) or a saved scan, without SSH',
  builder: (yargs: Argv) =>
    withTuiOption(
      withSaveSnapshot(withJudgeOptions(withOutputOptions(withInputOptions(yargs), REPORT_FORMATS))),
    )
      .example('$0 check --config clusters.yaml', 'judge the declared facts, print a readable report')
      .example('$0 check -c clusters.yaml -f json -o report.json', 'write the JSON report for a pipeline')
      .example(
        '$0 check -c clusters.yaml -f junit -o junit.xml -f sarif -o avma.sarif -f markdown -o summary.md',
        'several formats in one run',
      )
      .example('$0 check --snapshot scan.json', 'judge a scan saved earlier with --save-snapshot')
      .example(
        '$0 check --collected collected.txt -c clusters.yaml',
        'judge collector output gathered by PowerShell remoting',
      )
      .example(
        '$0 check -c clusters.yaml --baseline last.json',
        'fail only on findings the last report did not have',
      )
      .epilog(EXIT_CODES_EPILOG) as Argv<Options>,
  run: async (args, context) =>
    (await import('../run-check.js')).runCheck(
      {
        input: { config: args.config, snapshot: args.snapshot, collected: args.collected },
        outputs: outputArgs(args),
        saveSnapshot: args['save-snapshot'],
        judge: judgeArgs(args),
        tui: args.tui,
      },
      context,
    ),
};
