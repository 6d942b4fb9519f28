// One judgement per run, shared by check, scan, demo, plan and the terminal UI: the analysis with accepted
// findings marked, run-wide findings (expired ignore entries), and the gate every output and the exit code
// follow. Pure.
import type { ClusterRecord } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { type Baseline, type BaselineFinding, goneSince, makeAcceptor } from './accept.js';
import { createAnalyzer } from './analyzer.js';
import { evaluateGate, type GateOptions, type GateResult } from './gate.js';
import { coversWholeRule, expiredSuppressions, type Suppression } from './suppress.js';

export interface IgnoreFile {
  file: string;
  entries: readonly Suppression[];
}

export interface JudgeOptions {
  readonly now: Date;
  readonly expiryWarningDays: number;
  readonly ignore: IgnoreFile | null;
  readonly baseline: Baseline | null;
  readonly gate: GateOptions;
  /** The stop signal that cut a scan short: the run then never passes. */
  readonly interruptedBy?: string | null;
}

/** A finding about the run itself rather than a cluster: an ignore entry that expired. */
export interface RunFinding {
  readonly rule: string;
  readonly severity: 'warning';
  readonly message: string;
  /** file:line of what it is about. */
  readonly source: string | null;
}

export interface IgnoreSummary {
  readonly file: string;
  readonly entries: number;
  /** Findings its entries accept in this run. */
  readonly suppressed: number;
  /** Entries with no cluster, node or VM: each covers its rule everywhere. */
  readonly wholeRule: readonly Suppression[];
  readonly expired: readonly Suppression[];
}

export interface BaselineSummary {
  readonly file: string;
  /** Findings the baseline already had: accepted. */
  readonly accepted: number;
  /** Findings it did not have. */
  readonly new: number;
  /** Findings it had that are gone now. */
  readonly gone: readonly BaselineFinding[];
}

export interface Judgement {
  readonly report: Report;
  readonly gate: GateResult;
  readonly findings: readonly RunFinding[];
  readonly ignore: IgnoreSummary | null;
  readonly baseline: BaselineSummary | null;
}

export const EXPIRED_SUPPRESSION_RULE = 'suppression-expired';

function expiredFinding(entry: Suppression): RunFinding {
  const where = [entry.cluster, entry.node, entry.vm].filter(Boolean).join('/');
  return {
    rule: EXPIRED_SUPPRESSION_RULE,
    severity: 'warning',
    message: `the suppression of ${entry.rule}${where ? ` for ${where}` : ''} ("${entry.reason}") expired on ${entry.expires?.slice(0, 10)}; its findings count again`,
    source: entry.source ?? null,
  };
}

function judgementOf(report: Report, options: JudgeOptions): Judgement {
  const entries = options.ignore?.entries ?? [];
  const expired = expiredSuppressions(entries, options.now);
  const findings = expired.map(expiredFinding);
  let suppressed = 0;
  let inBaseline = 0;
  let total = 0;
  // Counted only for an ignore file or a baseline to summarise: a what-if asks again after each key.
  if (options.ignore || options.baseline)
    for (const cluster of report.clusters) {
      for (const finding of cluster.findings) {
        total++;
        if (finding.accepted?.by === 'ignore-file') suppressed++;
        else if (finding.accepted?.by === 'baseline') inBaseline++;
      }
    }
  return {
    report,
    gate: evaluateGate(report, findings.length, options.gate, options.interruptedBy ?? null),
    findings,
    ignore: options.ignore && {
      file: options.ignore.file,
      entries: entries.length,
      suppressed,
      wholeRule: entries.filter((s) => coversWholeRule(s) && !expired.includes(s)),
      expired,
    },
    baseline: options.baseline && {
      file: options.baseline.file,
      accepted: inBaseline,
      new: total - inBaseline - suppressed,
      gone: goneSince(
        options.baseline,
        report.clusters.flatMap((c) => c.findings),
      ),
    },
  };
}

function analyzerFor(options: JudgeOptions, remember: boolean) {
  const accept = makeAcceptor(options.ignore?.entries ?? [], options.baseline, options.now);
  return createAnalyzer({ now: options.now, expiryWarningDays: options.expiryWarningDays, accept }, remember);
}

export function judge(clusters: readonly ClusterRecord[], options: JudgeOptions): Judgement {
  return judgementOf(analyzerFor(options, false).analyze(clusters), options);
}

/**
 * A judge for one run's options that remembers what it judged: asked again about the clusters after a change
 * to a few nodes (a plan step, a what-if), it judges again only what those nodes can affect.
 */
export function makeJudge(options: JudgeOptions): (clusters: readonly ClusterRecord[]) => Judgement {
  const analyzer = analyzerFor(options, true);
  const judgements = new WeakMap<Report, Judgement>();
  return (clusters) => {
    const report = analyzer.analyze(clusters);
    const known = judgements.get(report);
    if (known) return known;
    const judgement = judgementOf(report, options);
    judgements.set(report, judgement);
    return judgement;
  };
}
