import type { Argv, CommandModule } from 'yargs';
import { loadConfig } from '../../config/load-config.js';
import { readEnvironment } from '../environment.js';
import { processIo } from '../io.js';
import {
  type ReportOptions,
  reportArgs,
  type ScanOptionValues,
  scanArgs,
  withReportOptions,
  withScanOptions,
  withTuiOption,
} from '../options.js';
import { scanAndReport } from '../run-scan.js';
import { settle } from '../settle.js';

interface Options extends ReportOptions, ScanOptionValues {
  config: string;
}

export const scanCommand: CommandModule<object, Options> = {
  command: 'scan',
  describe: 'Read every cluster node over SSH, then check',
  builder: (yargs: Argv) =>
    withTuiOption(
      withScanOptions(
        withReportOptions(
          yargs.option('config', {
            alias: 'c',
            type: 'string',
            demandOption: 'give --config clusters.yaml',
            describe: 'clusters.yaml: nodes, hosts and SSH settings',
            requiresArg: true,
          }),
        ),
      ),
    )
      .example('$0 scan --config clusters.yaml', 'scan every node, print a readable report')
      .example(
        '$0 scan -c clusters.yaml --format json -o report.json --save-snapshot scan.json',
        'report for a pipeline, and keep the facts',
      )
      .example(
        '$0 scan -c clusters.yaml --accept-new-host-keys',
        "first scan: record the nodes' host keys in known_hosts",
      )
      .epilog(
        'Nodes are read with one SSH connection and one PowerShell command each (Windows OpenSSH Server, an account in ' +
          'the Administrators group). Host keys are checked against known_hosts. A node that cannot be read makes the VMs ' +
          'that can land on it unknown; it never stops the others.\n\n' +
          'Exit codes: 0 safe, 1 a VM at risk, 2 usage or config error, 3 no VM at risk but facts missing.',
      ) as Argv<Options>,
  handler: (args) =>
    settle(async () =>
      scanAndReport(
        await loadConfig(args.config),
        { ...reportArgs(args), ...scanArgs(args), inputFile: args.config },
        readEnvironment(),
        processIo,
      ),
    ),
};
