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
    .vm('b', { guest: null, kvp: null, activation: 'other', owner: null })
    .build(),
  aCluster('c2').node('M1', { release: '1809', build: 17763, editionId: 'ServerDatacenterACor' }).build(),
];

describe('snapshot', () => {
  it('writing then reading is lossless', () => {
    const snapshot = makeSnapshot(clusters, NOW, 'scan');
    const read = parseSnapshot(serializeSnapshot(snapshot), 's.json');
    expect(read).toEqual(snapshot);
    expect(analyze(read.clusters, { now: NOW })).toEqual(analyze(clusters, { now: NOW }));
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
