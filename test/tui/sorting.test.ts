import { describe, expect, it } from 'vitest';
import { nodeRows, vmRows } from '../../src/tui/rows.js';
import { NODE_SORTS, sortLabel, sortRows, VM_SORTS } from '../../src/tui/sorting.js';
import { aCluster } from '../helpers/cluster.js';
import { judged } from '../helpers/judgement.js';

const lab = aCluster('lab')
  .node('HV01')
  .node('HV03', { release: '2019', build: 17763 })
  .node('HV02', { edition: 'standard', editionId: 'ServerStandard' })
  .vm('web01')
  .vm('app2025', { guest: { release: '2025' } })
  .vm('old01', { guest: { release: '2016' } })
  .build();
const report = judged([lab]).report;
const key = <R>(keys: readonly { label: string }[], label: string) =>
  keys.find((k) => k.label === label) as R;

describe('sortRows', () => {
  const nodes = nodeRows(report, '');

  it('as listed keeps the order; reversed, turns it round', () => {
    expect(sortRows(nodes, NODE_SORTS[0], false)).toBe(nodes);
    expect(sortRows(nodes, NODE_SORTS[0], true).map((r) => r.node.name)).toEqual(['HV02', 'HV03', 'HV01']);
  });

  it('VMs failing puts the node to fix first; rows that compare equal keep their order', () => {
    const byFailing = key<(typeof NODE_SORTS)[number]>(NODE_SORTS, 'VMs failing');
    expect(sortRows(nodes, byFailing, false).map((r) => [r.node.name, r.failing])).toEqual([
      ['HV02', 3],
      ['HV03', 2],
      ['HV01', 1],
    ]);
    expect(sortRows(nodes, byFailing, true).map((r) => r.node.name)).toEqual(['HV01', 'HV03', 'HV02']);
    const byVerdict = key<(typeof VM_SORTS)[number]>(VM_SORTS, 'verdict');
    expect(
      sortRows(vmRows(report, { filter: '', atRiskOnly: false }), byVerdict, false).map((r) => r.vm.name),
    ).toEqual(['web01', 'app2025', 'old01']);
    expect(sortLabel(byFailing, false)).toBe('VMs failing ▼');
  });

  it('by name, release, and VMs by where they stay activatable', () => {
    const byName = key<(typeof NODE_SORTS)[number]>(NODE_SORTS, 'node');
    expect(sortRows(nodes, byName, false).map((r) => r.node.name)).toEqual(['HV01', 'HV02', 'HV03']);
    const byRelease = key<(typeof NODE_SORTS)[number]>(NODE_SORTS, 'release');
    expect(sortRows(nodes, byRelease, false)[0]?.node.name).toBe('HV03');
    const byWhere = key<(typeof VM_SORTS)[number]>(VM_SORTS, 'activatable on');
    expect(
      sortRows(vmRows(report, { filter: '', atRiskOnly: false }), byWhere, false).map(
        (r) => `${r.vm.name} ${r.ok}`,
      ),
    ).toEqual(['app2025 0', 'web01 1', 'old01 2']);
  });
});
