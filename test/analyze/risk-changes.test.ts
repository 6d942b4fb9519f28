// Newly at risk and recovered VMs between two reports: by position when the reports line up, by name otherwise.
import { describe, expect, it } from 'vitest';
import { riskChanges } from '../../src/analyze/risk-changes.js';
import type { Report, VmResult } from '../../src/model/report.js';

const vm = (name: string, verdict: VmResult['verdict']) => ({ name, verdict, gate: verdict }) as VmResult;
const report = (...clusters: [string, VmResult[]][]) =>
  ({ clusters: clusters.map(([name, vms]) => ({ name, vms })) }) as unknown as Report;
const atRisk = (v: VmResult) => v.verdict === 'at-risk';

describe('riskChanges', () => {
  it('compares VM by VM when the reports line up, in report order', () => {
    const before = report(
      ['c1', [vm('a', 'safe'), vm('b', 'at-risk'), vm('c', 'safe')]],
      ['c2', [vm('d', 'safe')]],
    );
    const after = report(
      ['c1', [vm('a', 'at-risk'), vm('b', 'safe'), vm('c', 'unknown')]],
      ['c2', [vm('d', 'at-risk')]],
    );
    expect(riskChanges(before, after, atRisk)).toEqual({
      newly: [
        { cluster: 'c1', vm: 'a' },
        { cluster: 'c2', vm: 'd' },
      ],
      recovered: [{ cluster: 'c1', vm: 'b' }],
    });
  });

  it('compares by name when the reports do not line up', () => {
    const before = report(['c1', [vm('a', 'at-risk'), vm('b', 'safe')]]);
    const after = report(['c1', [vm('b', 'at-risk')]], ['c2', [vm('a', 'at-risk')]]);
    expect(riskChanges(before, after, atRisk)).toEqual({
      newly: [
        { cluster: 'c1', vm: 'b' },
        { cluster: 'c2', vm: 'a' },
      ],
      recovered: [{ cluster: 'c1', vm: 'a' }],
    });
  });
});
