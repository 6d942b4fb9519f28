// The `avma-check plan` command of the what-if on screen, as the p overlay shows it. The command line is built by
// the CLI, which knows the run's input; it is printed again after the report when the UI quits.
import { sanitize } from '../report/sanitize.js';
import { type Line, plainLine, wrapLine } from './lines.js';

export type PlanCommandView =
  | { readonly command: string; readonly notes: readonly string[] }
  | { readonly error: string };

export function planLines(plan: PlanCommandView | null, width: number): Line[] {
  if (!plan) return [plainLine('This run has no plan command to offer.', { color: 'yellow' })];
  if ('error' in plan)
    return wrapLine(
      plainLine(`No plan command for this what-if: ${sanitize(plan.error, 600)}.`, { color: 'red' }),
      width,
      2,
    );
  return [
    ...wrapLine(
      plainLine('The what-if as an avma-check plan, printed after the report when you quit:', { bold: true }),
      width,
    ),
    [],
    ...wrapLine(plainLine(sanitize(plan.command, 4000), { color: 'cyan' }), width, 2),
    [],
    ...plan.notes.flatMap((note) => wrapLine(plainLine(sanitize(note, 600), { dim: true }), width, 2)),
    plainLine('Esc: close · p: do not print it · r: reset the what-if', { dim: true }),
  ];
}
