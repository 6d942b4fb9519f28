// The only place that reads process.env and TTY state. Everything else gets an Environment passed in.

export interface Environment {
  /** stdout is a terminal and CI is not set: an interactive view may be shown. */
  readonly interactive: boolean;
  /** Colour on stdout: NO_COLOR and FORCE_COLOR win, else a terminal that is not "dumb". */
  readonly color: boolean;
  readonly colorStderr: boolean;
  readonly columns: number;
  readonly now: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function colorFor(stream: NodeJS.WriteStream): boolean {
  const { NO_COLOR, FORCE_COLOR, TERM } = process.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '') return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return stream.isTTY === true && TERM !== 'dumb';
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

export function readEnvironment(): Environment {
  return {
    interactive: process.stdout.isTTY === true && !isCi(),
    color: colorFor(process.stdout),
    colorStderr: colorFor(process.stderr),
    columns: process.stdout.columns ?? 100,
    now: new Date(),
    env: process.env,
  };
}
