// `avma-check check`: declared facts or a saved snapshot -> the judgement -> every report -> the exit code.
import { judge } from '../analyze/judge.js';
import { whatIfJudge } from '../analyze/what-if-judge.js';
import type { ReportFormat } from '../report/format-names.js';
import type { Context } from './context.js';
import { finishRun } from './finish-run.js';
import { ignoreFileOf, loadJudgeOptions } from './judgement-input.js';
import type { InputOptionValues, JudgeArgs } from './options.js';
import type { OutputSpec } from './outputs.js';
import { type PlanCommandInput, planCommand, planCommandText } from './plan-command.js';
import { prepareOutputs } from './prepare-outputs.js';
import { showTui, wantsTui } from './present.js';
import { inputFileOf, inputFilesOf, readInput } from './read-input.js';

export interface CheckArgs {
  input: InputOptionValues;
  outputs: OutputSpec[];
  saveSnapshot?: string | undefined;
  judge: JudgeArgs;
  tui: boolean;
}

export async function runCheck(args: CheckArgs, context: Context): Promise<number> {
  const started = performance.now();
  const inputFile = inputFileOf(args.input);
  const ignoreFile = ignoreFileOf(args.judge, inputFile);
  const outputs = await prepareOutputs<ReportFormat>(args.outputs, args.saveSnapshot, [
    ...inputFilesOf(args.input),
    { what: 'ignore file', file: ignoreFile },
    { what: 'baseline', file: args.judge.baseline },
  ]);
  const now = args.judge.now ?? context.clock();
  const input = await readInput(args.input, now);
  const options = await loadJudgeOptions(args.judge, ignoreFile, now);
  const judgement = judge(input.snapshot.clusters, options);
  const plan: PlanCommandInput = {
    source: { kind: args.input.snapshot ? 'snapshot' : 'config', file: inputFile },
    judge: args.judge,
    ignoreFile,
    clusters: input.snapshot.clusters,
  };
  const ui = wantsTui(args.tui, outputs.reports, context.environment)
    ? await showTui(
        {
          feed: null,
          clusters: input.snapshot.clusters,
          judge: whatIfJudge(options),
          color: context.environment.color,
          planCommand: (changes) => planCommand(plan, changes),
        },
        context.io.stdout,
      )
    : null;
  const exitCode = await finishRun(
    {
      snapshot: input.snapshot,
      judgement,
      outputs,
      locate: input.locate,
      timings: { totalMs: performance.now() - started },
      stoppedBy: null,
    },
    context,
  );
  if (ui?.plan) context.io.stdout.write(planCommandText(planCommand(plan, ui.plan)));
  return exitCode;
}
