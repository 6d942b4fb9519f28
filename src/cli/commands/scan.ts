import type { Argv } from 'yargs';
import { REPORT_FORMATS } from '../../report/format-names.js';
import {
  type JudgeOptionValues,
  type OutputOptionValues,
  type ScanOptionValues,
  withJudgeOptions,
  withOutputOptions,
  withSaveSnapshot,
  withScanOptions,
  withTuiOption,
} from '../options.js';
import { type CommandDef, EXIT_CODES_EPILOG } from './types.js';

export type ScanCommandOptions = OutputOptionValues &
  JudgeOptionValues &
  ScanOptionValues & { 'save-snapshot'?: string; tui: boolean };

type Options = ScanCommandOptions & { config: string };

/** The options scan and demo share. */
export function scanBuilder<T>(yargs: Argv<T>): Argv<T & ScanCommandOptions> {
  return withTuiOption(
    withScanOptions(withSaveSnapshot(withJudgeOptions(withOutputOptions(yargs, REPORT_FORMATS)))),
  );
}

export const scanCommand: CommandDef<Options> = {
  command: 'scan',
  describe: 'Read every cluster node over SSH, then judge',
  builder: (yargs: Argv) =>
    scanBuilder(
      yargs.option('config', {
        alias: 'c',
        type: 'string',
        demandOption: 'give --config clusters.yaml',
        requiresArg: true,
        describe: 'clusters.yaml: nodes, hosts and SSH settings',
      }),
    )
      .example('$0 scan --config clusters.yaml', 'scan every node, print a readable report')
      .example(
        '$0 scan -c clusters.yaml -f json -o report.json --save-snapshot scan.json',
        'a report for a pipeline, and the facts kept for check and plan',
      )
      .example('$0 scan -c clusters.yaml --accept-new-host-keys', "first scan: record the nodes' host keys")
      .epilog(
        'Nodes are read with one SSH connection and one PowerShell command each (Windows OpenSSH Server). Host ' +
          'keys are checked against known_hosts. A node that cannot be read makes the VMs that can land on it ' +
          `unknown; it never stops the others.\n\n${EXIT_CODES_EPILOG}`,
      ) as Argv<Options>,
  run: async (args, context) => (await import('../run-scan-command.js')).runScanCommand(args, context),
};
