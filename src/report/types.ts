import type { Report } from '../model/report.js';

export interface FormatContext {
  readonly color: boolean;
  /** The exit code the run will end with, for the closing line. */
  readonly exitCode: number;
}

/** A formatter is pure: a report in, the whole output out. */
export type Formatter = (report: Report, context: FormatContext) => string;
