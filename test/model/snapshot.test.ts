import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ConfigError } from '../../src/config/config-error.js';
import { parseSnapshot } from '../../src/config/load-snapshot.js';
import { makeSnapshot, serializeSnapshot } from '../../src/model/snapshot.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const clusters = [
  aCluster('c1')
    .node('N1', {
      activationExpires: '2026-12-01T00:00:00.000Z',
      licenseState: 'Licensed',
      evaluationLicense: true,
      avmaRequests30d: 0,
      drainStatus: 'InProgress',
    })
    .node('N2', {
      edition: 'azure-local',
      release: null,
      build: 25398,
      azureLocalAvma: 'subscription',
      state: 'Paused',
    })
    .rawNode({
      name: 'N3',
      host: '127.0.0.4',
      error: { kind: 'host-key', message: 'changed', hint: 'check it' },
    })
    .vm('a', { possibleOwners: ['N1', 'N2'], guest: { name: 'Windows Server 2022 Standard \u00e9\u4e2d' } })
    .vm('b', { guest: null, kvp: null, activation: 'other', activationBasis: 'pattern', owner: null })
    .vm('c', { activation: 'unknown', activationBasis: 'default', state: 'Saved', guest: { stale: true } })
    .build(),
  aCluster('c2')
    .node('M1', { release: '1809', build: 17763, editionId: 'ServerDatacenterACor' })
    .node('M2', { activated: false, licenseState: 'Unlicensed', onlyAddOnLicenses: true })
    .build(),
];

describe('snapshot', () => {
  it('writing then reading is lossless', () => {
    const snapshot = makeSnapshot(clusters, NOW, 'scan');
    const read = parseSnapshot(serializeSnapshot(snapshot), 's.json');
    expect(read).toEqual(snapshot);
    expect(analyze(read.clusters, { now: NOW })).toEqual(analyze(clusters, { now: NOW }));
  });

  it('reads a snapshot written before drain status, AVMA requests, activation basis and stale guests', () => {
    const current = JSON.parse(serializeSnapshot(makeSnapshot(clusters, NOW, 'scan')));
    for (const cluster of current.clusters) {
      for (const node of cluster.nodes) {
        if (!node.facts) continue;
        delete node.facts.drainStatus;
        delete node.facts.avmaRequests30d;
        delete node.facts.onlyAddOnLicenses;
      }
      for (const vm of cluster.vms) {
        delete vm.activationBasis;
        delete vm.state;
        if (vm.guest) delete vm.guest.stale;
      }
    }
    const read = parseSnapshot(JSON.stringify(current), 'old.json');
    expect(read.clusters[0]?.nodes[0]?.facts).toMatchObject({
      drainStatus: null,
      avmaRequests30d: null,
      onlyAddOnLicenses: false,
    });
    expect(read.clusters[0]?.vms[2]).toMatchObject({
      activation: 'unknown',
      activationBasis: 'assumed',
      state: null,
      guest: { stale: false },
    });
  });

  it.each([
    ['not JSON', '{', null, /not valid JSON/],
    ['another document', '{"kind":"something"}', 'kind', /not an avma-check snapshot/],
    [
      'a newer version',
      '{"kind":"avma-check-snapshot","schemaVersion":99}',
      'schemaVersion',
      /version 99 is not supported/,
    ],
    [
      'a bad field',
      JSON.stringify({
        ...makeSnapshot(clusters, NOW, 'scan'),
        clusters: [{ name: 'c', nodes: [{ name: 1 }], vms: [] }],
      }),
      'clusters[0].nodes[0].name',
      /expected string/,
    ],
  ])('refuses %s, naming the key', (_what, text, key, message) => {
    try {
      parseSnapshot(text, 's.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]?.key).toBe(key);
      expect((error as ConfigError).problems[0]?.message).toMatch(message);
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
