import { describe, expect, it } from 'vitest';
import { reportFromData } from '../../src/config/read-report.js';

// A version 2 report: the one before this version's grouped targets.
const v2 = {
  schemaVersion: 2,
  kind: 'avma-check-report',
  clusters: [
    {
      name: 'c',
      nodes: [{ name: 'N1', release: '2022', edition: 'standard', activated: true }],
      vms: [
        {
          name: 'web',
          verdict: 'at-risk',
          targets: { ok: [], fail: [{ node: 'N1', rules: ['host-not-datacenter'] }], unknown: [] },
        },
      ],
      findings: [{ rule: 'host-not-datacenter', severity: 'error', node: 'N1', message: 'N1 runs Standard' }],
    },
  ],
};

describe('reportFromData', () => {
  it('reads a report of the version before (a baseline saved by the last release)', () => {
    expect(reportFromData(v2, 'last.json').findings).toEqual([
      { cluster: 'c', rule: 'host-not-datacenter', node: 'N1', vm: null, message: 'N1 runs Standard' },
    ]);
  });

  it('refuses older versions, saying which it reads', () => {
    expect(() => reportFromData({ ...v2, schemaVersion: 1 }, 'old.json')).toThrow(
      /report schema version 1: this avma-check reads versions 2 and 3/,
    );
  });
});
