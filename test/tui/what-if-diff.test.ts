import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import { whatIfDiff } from '../../src/tui/what-if-diff.js';
import { aCluster } from '../helpers/cluster.js';
import { judged } from '../helpers/judgement.js';

const lab = aCluster('lab')
  .node('HV01')
  .node('HV02', { release: '2019', build: 17763 })
  .vm('web01')
  .vm('old01', { guest: { release: '2016' } })
  .vm('pinned', { possibleOwners: ['HV01'] })
  .build();

describe('whatIfDiff', () => {
  const asIs = judged([lab]).report;

  it('marks the VMs a change puts at risk, and those it recovers', () => {
    const upgraded = judged(
      applyChanges([lab], [{ kind: 'upgrade', cluster: 'lab', node: 'HV02', release: '2022' }]),
    );
    const evicted = judged(applyChanges([lab], [{ kind: 'evict', cluster: 'lab', node: 'HV01' }]));
    expect(whatIfDiff(asIs, upgraded.report)).toEqual({
      changed: new Map([['lab\u0000web01', 'recovered']]),
      newlyAtRisk: 0,
      recovered: 1,
    });
    const diff = whatIfDiff(asIs, evicted.report);
    expect(diff.changed).toEqual(new Map([['lab\u0000pinned', 'newly-at-risk']]));
    expect(diff).toMatchObject({ newlyAtRisk: 1, recovered: 0 });
  });

  it('is empty without a change', () => {
    expect(whatIfDiff(asIs, asIs).changed.size).toBe(0);
    expect(whatIfDiff(asIs, judged([lab]).report).changed.size).toBe(0);
  });
});
