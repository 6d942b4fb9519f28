import type { ExitCode } from './exit-codes.js';

let outcome: ExitCode | undefined;

/** Runs a command body and keeps its exit code for main(); errors go on to main()'s handler. */
export async function settle(run: () => Promise<ExitCode>): Promise<void> {
  outcome = await run();
}

export function takeOutcome(): ExitCode | undefined {
  const code = outcome;
  outcome = undefined;
  return code;
}
