// The interactive view, or nothing: decides once, and loads ink only when it will be used.
import { HUMAN_FORMATS } from '../report/format-names.js';
import type { TuiOptions, TuiResult } from '../tui/run-tui.js';
import { alternateScreen } from './alternate-screen.js';
import type { OutStream } from './context.js';
import type { Environment } from './environment.js';
import type { Destination } from './outputs.js';

/** A terminal on stdout and stdin, not CI, not --no-tui, and nothing but a human format goes to stdout. */
export function wantsTui(
  tui: boolean,
  reports: readonly { format: string; destination: Destination }[],
  environment: Environment,
): boolean {
  return (
    environment.interactive &&
    tui &&
    reports.every((r) => r.destination.file !== null || HUMAN_FORMATS.includes(r.format))
  );
}

/** The UI on the process's terminal; the browser on the alternate screen, always left before this resolves. */
export async function showTui(options: TuiOptions, stdout: OutStream): Promise<TuiResult> {
  const { runTui } = await import('../tui/run-tui.js');
  return runTui({ ...options, screen: alternateScreen(stdout) });
}
