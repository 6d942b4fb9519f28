// Keeps the rule files, the registry, the tests and the docs in step (the ESLint checkRuleFiles habit).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { renderReadmeTable, renderRulesDoc } from '../../scripts/rules-doc.js';
import { rules } from '../../src/rules/index.js';
import { type RuleContext, SEVERITIES } from '../../src/rules/types.js';
import { NOW } from '../helpers/cluster.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const NOT_RULES = new Set(['index.ts', 'types.ts', 'describe.ts']);
const ruleFiles = readdirSync(new URL('../../src/rules/', import.meta.url)).filter((f) => !NOT_RULES.has(f));
const testFiles = readdirSync(new URL('./', import.meta.url));

describe('rule registry', () => {
  it('lists every rule file, sorted by id, each id its file name', () => {
    expect(rules.map((rule) => `${rule.id}.ts`)).toEqual([...ruleFiles].sort());
    expect(rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id).sort());
  });

  it('has a test file per rule', () => {
    for (const rule of rules) expect(testFiles).toContain(`${rule.id}.test.ts`);
  });

  it('has the public ids the README promises', () => {
    const ids = rules.map((rule) => rule.id);
    for (const id of [
      'host-not-datacenter',
      'host-not-activated',
      'host-activation-expiring',
      'host-without-hyper-v',
      'guest-newer-than-host',
      'kvp-disabled',
      'node-unreachable',
      'guest-unknown',
      'release-not-covered',
      'single-failover-target',
      'host-evaluation-edition',
      'azure-local-avma-undeclared',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is well formed', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.title).not.toMatch(/\.$/);
    expect(rule.title.length).toBeLessThan(70);
    expect(rule.explanation.length).toBeGreaterThan(60);
    expect(rule.remedy).toMatch(/\.$/);
    // A rule is checked on a subject, or says what raises it (a finding about the run itself).
    if (rule.raisedBy === undefined)
      expect(rule.checkNode ?? rule.checkVm ?? rule.checkTarget ?? rule.checkCluster).toBeTypeOf('function');
    else expect(rule.checkNode ?? rule.checkVm ?? rule.checkTarget ?? rule.checkCluster).toBeUndefined();
  });

  // The analysis judges again only what a change can affect (analyze/analyzer.ts), and orders upgrades by what
  // each node does to the VMs that can land on it (analyze/upgrade-model.ts): both rest on these two facts.
  const cluster = syntheticCluster(64, 200);
  const context = {
    now: NOW,
    expiryWarningDays: 30,
    get cluster(): never {
      throw new Error('a rule read the whole cluster from its context');
    },
  } as RuleContext;

  it.each(rules.map((rule) => [rule.id, rule] as const))(
    '%s reads its subject, not the cluster',
    (_id, rule) => {
      for (const node of cluster.nodes) rule.checkNode?.(node, context);
      for (const vm of cluster.vms) {
        rule.checkVm?.({ vm, targets: cluster.nodes }, context);
        for (const node of cluster.nodes.slice(50)) rule.checkTarget?.({ vm, node }, context);
      }
    },
  );

  it.each(
    rules
      .filter((rule) => rule.checkVm && rule.severity !== 'warning')
      .map((rule) => [rule.id, rule] as const),
  )('%s judges a VM the same whichever nodes are left to it', (_id, rule) => {
    for (const vm of cluster.vms) {
      const hit = (targets: typeof cluster.nodes) => rule.checkVm?.({ vm, targets }, context) !== undefined;
      expect(hit([])).toBe(hit(cluster.nodes));
      expect(hit(cluster.nodes.slice(0, 1))).toBe(hit(cluster.nodes));
    }
  });

  it('docs/rules.md and the README table are up to date (npm run docs)', () => {
    expect(read('docs/rules.md')).toBe(renderRulesDoc());
    expect(read('README.md')).toContain(renderReadmeTable());
  });
});
