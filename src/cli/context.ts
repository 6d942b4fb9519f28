// What every command gets from main(): where to write, the environment read once, the clock, the process's stop
// signals and --debug. Commands read nothing else of the process, so tests run them in-process.
import type { Environment } from './environment.js';

export interface OutStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Ctrl-C and SIGTERM, for commands that can stop early and still report. */
export interface Signals {
  /** Calls the handler on a stop signal until the returned function is called. */
  listen(handler: (signal: StopSignal) => void): () => void;
}

export interface Context {
  readonly io: Io;
  readonly environment: Environment;
  readonly clock: () => Date;
  readonly signals: Signals;
  readonly debug: boolean;
}
