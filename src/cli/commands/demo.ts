import type { Argv } from 'yargs';
import { type ScanCommandOptions, scanBuilder } from './scan.js';
import { type CommandDef, EXIT_CODES_EPILOG } from './types.js';

export const demoCommand: CommandDef<ScanCommandOptions> = {
  command: 'demo',
  describe: 'Scan a simulated cluster (SSH servers on 127.0.0.x) to see avma-check work',
  builder: (yargs: Argv) =>
    scanBuilder(yargs)
      .example('$0 demo', 'scan the simulated 5-node cluster and show the report')
      .example('$0 demo -f markdown', 'the same as a job summary')
      .epilog(
        'The demo starts five simulated Windows Server nodes on 127.0.0.2-127.0.0.6 (a rolling upgrade with one ' +
          '2019 node, a Standard node and a node whose activation lapsed), scans them over real SSH exactly as scan ' +
          `would, and stops them.\n\n${EXIT_CODES_EPILOG}`,
      ),
  run: async (args, context) => (await import('../run-scan-command.js')).runDemo(args, context),
};
