import type { Argv } from 'yargs';
import type { Context } from '../context.js';

/** A command: its options and examples for yargs, and what it runs (loaded only when it runs). */
export interface CommandDef<A = unknown> {
  readonly command: string;
  readonly describe: string;
  readonly builder: (yargs: Argv) => Argv<A>;
  readonly run: (args: A, context: Context) => Promise<number>;
}

export const EXIT_CODES_EPILOG =
  'Exit codes: 0 pass, 1 fail (a VM at risk, or what --fail-on names), 2 usage or config error, 3 incomplete ' +
  '(facts missing), 130/143 interrupted (Ctrl-C / SIGTERM; the report covers what was gathered).';
