import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { applyChanges, describeChange } from '../../src/analyze/what-if.js';
import { parseSnapshot } from '../../src/config/load-snapshot.js';
import { makeSnapshot, serializeSnapshot } from '../../src/model/snapshot.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('c')
  .node('N1')
  .node('N2', { release: '2019' })
  .node('N3', { edition: 'standard' })
  .vm('new', { guest: { release: '2022' } })
  .vm('pinned', { possibleOwners: ['N2'], guest: { release: '2019' } })
  .vm('pair', { possibleOwners: ['N1', 'N3'] })
  .build();
const verdicts = (changes: Parameters<typeof applyChanges>[1]) =>
  Object.fromEntries(
    analyze(applyChanges([cluster], changes), { now: NOW }).clusters[0]?.vms.map((vm) => [
      vm.name,
      vm.verdict,
    ]) ?? [],
  );

describe('what-if', () => {
  it('as is', () => {
    expect(verdicts([])).toEqual({ new: 'at-risk', pinned: 'safe', pair: 'at-risk' });
  });

  it('upgrade a node to a newer release', () => {
    expect(verdicts([{ kind: 'upgrade', cluster: 'c', node: 'N2', release: '2022' }])).toMatchObject({
      new: 'at-risk',
      pinned: 'safe',
    });
    expect(
      verdicts([
        { kind: 'upgrade', cluster: 'c', node: 'N2', release: '2022' },
        { kind: 'edition', cluster: 'c', node: 'N3', edition: 'datacenter' },
      ]),
    ).toEqual({
      new: 'safe',
      pinned: 'safe',
      pair: 'safe',
    });
  });

  it('drain: the node takes no VMs; a VM left with no node is at risk', () => {
    expect(verdicts([{ kind: 'drain', cluster: 'c', node: 'N3' }])).toMatchObject({ pair: 'safe' });
    const drained = analyze(applyChanges([cluster], [{ kind: 'drain', cluster: 'c', node: 'N2' }]), {
      now: NOW,
    }).clusters[0];
    expect(drained?.vms.find((vm) => vm.name === 'pinned')).toMatchObject({
      verdict: 'at-risk',
      targets: [],
    });
    expect(drained?.findings).toContainEqual(
      expect.objectContaining({
        rule: 'single-failover-target',
        vm: 'pinned',
        message: 'pinned has no node left to run on',
      }),
    );
    expect(drained?.nodes.map((n) => n.name)).toEqual(['N1', 'N2', 'N3']);
  });

  it('evict: the node leaves the cluster, and possible owners naming it are no target', () => {
    const evicted = applyChanges([cluster], [{ kind: 'evict', cluster: 'c', node: 'n3' }]);
    expect(evicted[0]?.nodes.map((n) => n.name)).toEqual(['N1', 'N2']);
    expect(evicted[0]?.evicted).toEqual(['n3']);
    const pair = analyze(evicted, { now: NOW }).clusters[0]?.vms.find((vm) => vm.name === 'pair');
    expect(pair?.targets.map((t) => t.node)).toEqual(['N1']);
    expect(
      verdicts([
        { kind: 'evict', cluster: 'c', node: 'N3' },
        { kind: 'evict', cluster: 'c', node: 'N2' },
      ]),
    ).toEqual({ new: 'safe', pinned: 'at-risk', pair: 'safe' });
  });

  it('does not change its input, and touches only the named cluster', () => {
    const before = JSON.stringify(cluster);
    applyChanges(
      [cluster],
      [
        { kind: 'drain', cluster: 'c', node: 'N1' },
        { kind: 'evict', cluster: 'c', node: 'N2' },
      ],
    );
    expect(JSON.stringify(cluster)).toBe(before);
    expect(applyChanges([cluster], [{ kind: 'evict', cluster: 'other', node: 'N1' }])[0]).toEqual(cluster);
  });

  it('a drained node survives a snapshot round trip', () => {
    const snapshot = makeSnapshot(
      applyChanges([cluster], [{ kind: 'drain', cluster: 'c', node: 'N1' }]),
      NOW,
      'scan',
    );
    expect(parseSnapshot(serializeSnapshot(snapshot), 's.json')).toEqual(snapshot);
  });

  it('describes each change', () => {
    expect(describeChange({ kind: 'upgrade', cluster: 'c', node: 'N2', release: '2025' })).toBe(
      'upgrade N2 to Windows Server 2025',
    );
    expect(describeChange({ kind: 'drain', cluster: 'c', node: 'N2' })).toBe('drain N2');
    expect(describeChange({ kind: 'resume', cluster: 'c', node: 'N2' })).toBe('resume N2');
  });

  it('resume: a drained node takes VMs again', () => {
    const back = applyChanges(
      [cluster],
      [
        { kind: 'drain', cluster: 'c', node: 'N1' },
        { kind: 'resume', cluster: 'c', node: 'N1' },
      ],
    );
    expect(back[0]?.nodes.find((n) => n.name === 'N1')?.drained).toBe(false);
  });
});
