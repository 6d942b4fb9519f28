import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../src/model/merge-snapshots.js';
import { makeSnapshot } from '../../src/model/snapshot.js';
import { aCluster } from '../helpers/cluster.js';

const prod = aCluster('prod').node('HV01').vm('a').build();
const branch = aCluster('branch').node('BR01').vm('b').build();
const at = (iso: string) => new Date(iso);

describe('mergeSnapshots', () => {
  it('puts every cluster once, dated as its oldest input', () => {
    const result = mergeSnapshots([
      { file: 'p.json', snapshot: makeSnapshot([prod], at('2026-11-20T10:00:00Z'), 'scan') },
      { file: 'b.json', snapshot: makeSnapshot([branch], at('2026-11-20T09:00:00Z'), 'config') },
    ]);
    expect(result).toEqual({
      ok: true,
      snapshot: expect.objectContaining({
        takenAt: '2026-11-20T09:00:00.000Z',
        source: 'scan',
        clusters: [prod, branch],
      }),
    });
  });

  it('keeps one copy of a cluster two snapshots hold alike, whatever the key order', () => {
    const reordered = { vms: prod.vms, nodes: prod.nodes, name: prod.name };
    const result = mergeSnapshots([
      { file: 'p.json', snapshot: makeSnapshot([prod], at('2026-11-20T10:00:00Z'), 'scan') },
      { file: 'q.json', snapshot: makeSnapshot([reordered], at('2026-11-20T10:00:00Z'), 'scan') },
    ]);
    expect(result.ok && result.snapshot.clusters).toEqual([prod]);
  });

  it('refuses a cluster that two snapshots hold with different facts, naming both files', () => {
    const other = aCluster('PROD').node('HV01', { activated: false }).vm('a').build();
    const result = mergeSnapshots([
      { file: 'p.json', snapshot: makeSnapshot([prod], at('2026-11-20T10:00:00Z'), 'scan') },
      { file: 'q.json', snapshot: makeSnapshot([other], at('2026-11-20T10:00:00Z'), 'scan') },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'cluster PROD is in p.json and in q.json with different facts: merge one snapshot per cluster',
      ],
    });
  });
});
