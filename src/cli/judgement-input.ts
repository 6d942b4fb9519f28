// What a judgement needs from files: the ignore file (given, or .avma-ignore.yaml beside the input) and the
// baseline report. Loaded once per run and shared by every judgement of it (plan steps, the UI's what-ifs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JudgeOptions } from '../analyze/judge.js';
import { loadIgnoreFile } from '../config/ignore-file.js';
import { loadReport } from '../config/read-report.js';
import type { JudgeArgs } from './options.js';

export const DEFAULT_IGNORE_FILE = '.avma-ignore.yaml';

/** The ignore file this run uses: the one given, or .avma-ignore.yaml beside the input when there is one. */
export function ignoreFileOf(args: JudgeArgs, inputFile: string | undefined): string | undefined {
  if (args.ignoreFile) return args.ignoreFile;
  const beside = inputFile ? join(dirname(inputFile), DEFAULT_IGNORE_FILE) : null;
  return beside && existsSync(beside) ? beside : undefined;
}

export async function loadJudgeOptions(
  args: JudgeArgs,
  ignoreFile: string | undefined,
  now: Date,
): Promise<JudgeOptions> {
  const [entries, baseline] = await Promise.all([
    ignoreFile ? loadIgnoreFile(ignoreFile) : null,
    args.baseline ? loadReport(args.baseline) : null,
  ]);
  return {
    now,
    expiryWarningDays: args.expiryWarningDays,
    gate: args.gate,
    ignore: ignoreFile && entries ? { file: ignoreFile, entries } : null,
    baseline:
      args.baseline && baseline
        ? { file: args.baseline, findings: baseline.findings, vmTargets: baseline.vmTargets }
        : null,
  };
}
