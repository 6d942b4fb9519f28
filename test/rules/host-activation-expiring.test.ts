import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import rule from '../../src/rules/host-activation-expiring.js';
import { aCluster, NOW } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-activation-expiring', () => {
  ruleTester(rule, {
    valid: [
      { name: 'permanent activation', cluster: aCluster().node('N1').build() },
      {
        name: 'ends in 31 days',
        cluster: aCluster().node('N1', { activationExpires: '2026-12-23T13:00:00.000Z' }).build(),
      },
      {
        name: 'already ended (host-not-activated says so)',
        cluster: aCluster().node('N1', { activationExpires: '2026-11-01T00:00:00.000Z' }).build(),
      },
      {
        name: 'not activated at all',
        cluster: aCluster()
          .node('N1', { activated: false, activationExpires: '2026-11-25T00:00:00.000Z' })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'ends in 3 days',
        cluster: aCluster().node('N1', { activationExpires: '2026-11-25T00:00:00.000Z' }).build(),
        findings: [{ node: 'N1', message: /expires on 2026-11-25, in 3 days/ }],
      },
      {
        name: 'ends in exactly 30 days',
        cluster: aCluster().node('N1', { activationExpires: '2026-12-22T12:00:00.000Z' }).build(),
        findings: [{ node: 'N1', message: /in 30 days/ }],
      },
    ],
  });

  it('takes its window from the options', () => {
    const cluster = aCluster().node('N1', { activationExpires: '2027-01-10T00:00:00.000Z' }).build();
    const count = (days: number) =>
      analyze([cluster], { now: NOW, rules: [rule], expiryWarningDays: days }).clusters[0]?.findings.length;
    expect(count(30)).toBe(0);
    expect(count(60)).toBe(1);
  });
});
