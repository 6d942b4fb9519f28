// A baseline report: findings it already had are accepted (suppressed, reason "in the baseline"); findings it had
// that are gone now are listed. Pure.
import type { Report } from '../model/report.js';
import type { Suppression } from './suppress.js';

export interface BaselineFinding {
  cluster: string;
  rule: string;
  node: string | null;
  vm: string | null;
  message: string;
}

const identity = (f: { cluster: string; rule: string; node: string | null; vm: string | null }) =>
  [f.cluster, f.rule, f.node ?? '', f.vm ?? ''].map((part) => part.toLowerCase()).join('\u0000');

export function baselineSuppressions(findings: readonly BaselineFinding[], file: string): Suppression[] {
  return findings.map((f) => ({
    rule: f.rule,
    cluster: f.cluster,
    node: f.node ?? undefined,
    vm: f.vm ?? undefined,
    reason: `already in the baseline ${file}`,
    source: file,
  }));
}

export function goneSinceBaseline(findings: readonly BaselineFinding[], report: Report): BaselineFinding[] {
  const now = new Set(report.clusters.flatMap((c) => c.findings.map(identity)));
  return findings.filter((f) => !now.has(identity(f)));
}
