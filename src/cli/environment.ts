// The only place that reads process.env and TTY state. Everything else gets an Environment passed in.
import type { Io } from './context.js';

export interface Environment {
  /** stdout and stdin are terminals and CI is not set: an interactive view may be shown. */
  readonly interactive: boolean;
  /** Colour on stdout: NO_COLOR and FORCE_COLOR win, else a terminal that is not "dumb". */
  readonly color: boolean;
  readonly colorStderr: boolean;
  readonly columns: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function colorFor(stream: { isTTY?: boolean }, env: Environment['env']): boolean {
  const { NO_COLOR, FORCE_COLOR, TERM } = env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '') return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return stream.isTTY === true && TERM !== 'dumb';
}

function isCi(env: Environment['env']): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** The environment of streams and variables: ink needs a terminal on stdin as well as stdout for its keys. */
export function environmentOf(io: Io, env: Environment['env']): Environment {
  return {
    interactive: io.stdout.isTTY === true && io.stdin?.isTTY === true && !isCi(env),
    color: colorFor(io.stdout, env),
    colorStderr: colorFor(io.stderr, env),
    columns: io.stdout.columns ?? 100,
    env,
  };
}

export function readEnvironment(io: Io): Environment {
  return environmentOf(io, process.env);
}

/**
 * React (loaded only by the terminal UI, as a package) runs its development build unless NODE_ENV says
 * otherwise: several times slower per frame. A NODE_ENV the user set is kept.
 */
export function preferProductionReact(): void {
  process.env.NODE_ENV ??= 'production';
}
