// What every formatter gets besides its result, and the formatter shape: pure, yielding the output in chunks
// so that a report larger than one string can stream to its file.

import type { Locator } from '../model/locator.js';

export type { Locator };

export interface Timings {
  /** The whole run, from start to report. */
  readonly totalMs: number;
  /** Time spent reading each cluster's nodes (the slowest node), when it was scanned. */
  readonly clusters?: ReadonlyMap<string, number>;
}

export interface FormatContext {
  readonly color: boolean;
  /** The exit code the run ends with: every verdict a format prints agrees with it. */
  readonly exitCode: number;
  /** Null when the input is not a config file (a snapshot, a scan). */
  readonly locate?: Locator | null;
  readonly timings?: Timings;
  /** avma-check's version, for formats that name their tool. */
  readonly version?: string;
}

export type Formatter<R> = (result: R, context: FormatContext) => Iterable<string>;

/** The whole output of a formatter as one string (tests, small outputs). */
export function render<R>(formatter: Formatter<R>, result: R, context: FormatContext): string {
  return [...formatter(result, context)].join('');
}
