// The scan and demo commands: check outputs and read every input before any node is contacted, then scan.
import { readConfigFile } from '../config/load-config.js';
import type { ReportFormat } from '../report/format-names.js';
import type { ScanCommandOptions } from './commands/scan.js';
import type { Context } from './context.js';
import { ignoreFileOf } from './judgement-input.js';
import { checkScanOptions, judgeArgs, outputArgs } from './options.js';
import { prepareOutputs } from './prepare-outputs.js';
import { scanAndReport } from './run-scan.js';

export async function runScanCommand(args: ScanCommandOptions & { config: string }, context: Context) {
  const judge = judgeArgs(args);
  const scan = checkScanOptions(args);
  const ignoreFile = ignoreFileOf(judge, args.config);
  const outputs = await prepareOutputs<ReportFormat>(outputArgs(args), args['save-snapshot'], [
    { what: 'config', file: args.config },
    { what: 'ignore file', file: ignoreFile },
    { what: 'baseline', file: judge.baseline },
  ]);
  const { config, locate } = await readConfigFile(args.config);
  return scanAndReport({ config, locate, outputs, ignoreFile, judge, tui: args.tui, ...scan }, context);
}

export async function runDemo(args: ScanCommandOptions, context: Context) {
  const judge = judgeArgs(args);
  const scan = checkScanOptions(args);
  const outputs = await prepareOutputs<ReportFormat>(outputArgs(args), args['save-snapshot'], [
    { what: 'ignore file', file: judge.ignoreFile },
    { what: 'baseline', file: judge.baseline },
  ]);
  const [{ DEMO_CLUSTER }, { serveSpec }] = await Promise.all([
    import('../sim/demo-cluster.js'),
    import('../sim/serve-spec.js'),
  ]);
  const served = await serveSpec(DEMO_CLUSTER);
  try {
    return await scanAndReport(
      {
        config: served.config,
        locate: null,
        outputs,
        ignoreFile: judge.ignoreFile,
        judge,
        tui: args.tui,
        ...scan,
      },
      context,
    );
  } finally {
    await served.close();
  }
}
