// The ESLint RuleTester shape: a rule, cases where it stays silent, and cases where it must speak.
import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { ClusterRecord } from '../../src/model/facts.js';
import type { Rule } from '../../src/rules/types.js';
import { NOW } from './cluster.js';

export interface ValidCase {
  name: string;
  cluster: ClusterRecord;
}

export interface InvalidCase extends ValidCase {
  /** Every finding the rule must produce, in order: the subject and the message. */
  findings: { node?: string; vm?: string; message: RegExp }[];
}

/**
 * `alongside`: rules that run too, for a rule that speaks about what others found (their own findings are
 * left out of the comparison). A finding about a whole cluster names neither node nor VM.
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: ValidCase[]; invalid: InvalidCase[]; alongside?: readonly Rule[] },
  now = NOW,
): void {
  const ruleSet = [rule, ...(cases.alongside ?? [])];
  const run = (cluster: ClusterRecord) =>
    (analyze([cluster], { now, rules: ruleSet }).clusters[0]?.findings ?? []).filter(
      (f) => f.rule === rule.id,
    );
  for (const { name, cluster } of cases.valid) {
    it(`stays silent: ${name}`, () => {
      expect(run(cluster)).toEqual([]);
    });
  }
  for (const { name, cluster, findings } of cases.invalid) {
    it(`reports: ${name}`, () => {
      const actual = run(cluster);
      expect(actual.map((f) => ({ rule: f.rule, severity: f.severity, node: f.node, vm: f.vm }))).toEqual(
        findings.map((f) => ({
          rule: rule.id,
          severity: rule.severity,
          node: f.node ?? null,
          vm: f.vm ?? null,
        })),
      );
      actual.forEach((finding, index) => {
        expect(finding.message).toMatch(findings[index]?.message ?? /^$/);
      });
    });
  }
}
