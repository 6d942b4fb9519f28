// analyze(clusters, {now}) -> Report. Pure: no I/O, no clock. Runs every rule over its subjects and rolls up.
// Every verdict is the real one; accepted findings (an ignore file, a baseline) are marked, and only each VM's
// `gate` verdict leaves them out. analyzer.ts does the work, and remembers it for callers that ask again.
import type { ClusterRecord } from '../model/facts.js';
import type { Report } from '../model/report.js';
import type { Rule } from '../rules/types.js';
import type { Acceptor } from './accept.js';
import { createAnalyzer } from './analyzer.js';

export interface AnalyzeOptions {
  readonly now: Date;
  readonly expiryWarningDays?: number;
  /** Rules to run; every rule by default. */
  readonly rules?: readonly Rule[];
  /** Findings to mark as accepted and leave out of the gate. */
  readonly accept?: Acceptor | undefined;
}

export function analyze(clusters: readonly ClusterRecord[], options: AnalyzeOptions): Report {
  return createAnalyzer(options, false).analyze(clusters);
}
