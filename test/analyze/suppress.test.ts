import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { baselineSuppressions, goneSinceBaseline } from '../../src/analyze/baseline.js';
import { findSuppression } from '../../src/analyze/suppress.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('c').node('N1').node('N2', { edition: 'standard' }).vm('web').vm('app').build();

describe('suppressions', () => {
  it('match rule, then cluster, node and vm when given (case-insensitive, * for any)', () => {
    const list = [{ rule: 'host-not-datacenter', node: 'n2', reason: 'r' }];
    expect(
      findSuppression(list, { rule: 'host-not-datacenter', cluster: 'c', node: 'N2', vm: null }, NOW),
    ).not.toBeNull();
    expect(
      findSuppression(list, { rule: 'host-not-datacenter', cluster: 'c', node: 'N1', vm: null }, NOW),
    ).toBeNull();
    expect(
      findSuppression(list, { rule: 'kvp-disabled', cluster: 'c', node: 'N2', vm: null }, NOW),
    ).toBeNull();
    expect(
      findSuppression(
        [{ rule: 'kvp-disabled', vm: '*', reason: 'r' }],
        { rule: 'kvp-disabled', cluster: 'c', node: null, vm: 'x' },
        NOW,
      ),
    ).not.toBeNull();
  });

  it('a suppressed finding stays in the report, marked, and decides no verdict', () => {
    const report = analyze([cluster], {
      now: NOW,
      suppressions: [{ rule: 'host-not-datacenter', node: 'N2', reason: 'replacement ordered' }],
    });
    expect(report.verdict).toBe('safe');
    expect(report.clusters[0]?.findings).toContainEqual(
      expect.objectContaining({
        rule: 'host-not-datacenter',
        node: 'N2',
        suppressed: { reason: 'replacement ordered', expires: null },
      }),
    );
  });

  it('stops working after its expiry', () => {
    const suppressions = [{ rule: 'host-not-datacenter', reason: 'r', expires: '2026-11-01T00:00:00.000Z' }];
    expect(analyze([cluster], { now: NOW, suppressions }).verdict).toBe('at-risk');
    expect(analyze([cluster], { now: new Date('2026-10-01'), suppressions }).verdict).toBe('safe');
  });

  it('naming a VM lifts a node-wide failure for that VM only', () => {
    const report = analyze([cluster], {
      now: NOW,
      suppressions: [{ rule: 'host-not-datacenter', vm: 'web', reason: 'r' }],
    });
    const verdicts = Object.fromEntries(report.clusters[0]?.vms.map((vm) => [vm.name, vm.verdict]) ?? []);
    expect(verdicts).toEqual({ web: 'safe', app: 'at-risk' });
  });
});

describe('baseline', () => {
  it('accepts what the baseline had and lists what is gone', () => {
    const before = [
      { cluster: 'c', rule: 'host-not-datacenter', node: 'N2', vm: null, message: 'N2 runs Standard' },
      { cluster: 'c', rule: 'kvp-disabled', node: null, vm: 'old', message: 'old has KVP off' },
    ];
    const report = analyze([cluster], { now: NOW, suppressions: baselineSuppressions(before, 'base.json') });
    expect(report.verdict).toBe('safe');
    expect(goneSinceBaseline(before, report).map((f) => f.rule)).toEqual(['kvp-disabled']);
  });
});
