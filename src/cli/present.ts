// The interactive view, or nothing: decides once, and loads ink only when it will be used.
import type { TuiOptions } from '../tui/run-tui.js';
import type { Environment } from './environment.js';

export interface PresentArgs {
  tui?: boolean;
  outputs: readonly { format: string; file: string | null }[];
}

/** A terminal, not CI, not --no-tui, and no report goes to stdout in a machine format. */
export function wantsTui(args: PresentArgs, environment: Environment): boolean {
  return (
    environment.interactive &&
    args.tui !== false &&
    args.outputs.every((o) => o.file !== null || o.format === 'text')
  );
}

export async function showTui(options: TuiOptions): Promise<void> {
  const { runTui } = await import('../tui/run-tui.js');
  await runTui(options);
}
