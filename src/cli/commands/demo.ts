import type { Argv, CommandModule } from 'yargs';
import { DEMO_CLUSTER } from '../../sim/demo-cluster.js';
import { serveSpec } from '../../sim/serve-spec.js';
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

type Options = ReportOptions & ScanOptionValues;

export const demoCommand: CommandModule<object, Options> = {
  command: 'demo',
  describe: 'Scan a simulated cluster (SSH servers on 127.0.0.x) to see avma-check work',
  builder: (yargs: Argv) =>
    withTuiOption(withScanOptions(withReportOptions(yargs)))
      .example('$0 demo', 'scan the simulated 5-node cluster and show the report')
      .epilog(
        'The demo starts five simulated Windows Server nodes on 127.0.0.2-127.0.0.6 (a rolling upgrade with one 2019 node, ' +
          'a Standard node and a node whose activation lapsed), scans them over real SSH exactly as scan would, and stops them.',
      ) as Argv<Options>,
  handler: (args) =>
    settle(async () => {
      const served = await serveSpec(DEMO_CLUSTER);
      try {
        return await scanAndReport(
          served.config,
          { ...reportArgs(args), ...scanArgs(args) },
          readEnvironment(),
          processIo,
        );
      } finally {
        await served.close();
      }
    }),
};
