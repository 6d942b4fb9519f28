import { describe, expect, it } from 'vitest';
import { declaredClusters } from '../../src/config/declared-clusters.js';
import { parseConfig } from '../../src/config/parse-config.js';

const config = parseConfig(
  `clusters:
  - name: c
    nodes:
      - name: HV1
        facts: { build: 17763, edition: ServerDatacenterACor, activated: true, hyperV: true }
      - name: HV2
        facts: { release: "2022", edition: DatacenterEval, activationExpires: 2027-01-31 }
      - name: HV3
        host: hv3.example.test
    vms:
      - { name: a, owner: hv1, possibleOwners: [hv1, HV2, Hv1, hv2], guest: { os: "Windows Server 2019 Datacenter" } }
      - { name: b, activation: other, kvp: false }
`,
  'c.yaml',
);
const [cluster] = declaredClusters(config);

describe('declaredClusters', () => {
  it('derives the release from build and EditionID (1809 vs 2019)', () => {
    expect(cluster?.nodes[0]?.facts).toMatchObject({
      release: '1809',
      build: 17763,
      edition: 'datacenter',
      editionId: 'ServerDatacenterACor',
    });
  });

  it('leaves undeclared facts unknown, not guessed', () => {
    expect(cluster?.nodes[1]?.facts).toMatchObject({
      release: '2022',
      edition: 'datacenter-evaluation',
      editionId: null,
      activated: null,
      hyperV: null,
      state: null,
      activationExpires: '2027-01-31T00:00:00.000Z',
    });
  });

  it('marks a node without facts as not read, with a hint', () => {
    expect(cluster?.nodes[2]).toMatchObject({
      host: 'hv3.example.test',
      facts: null,
      error: { kind: 'not-scanned' },
    });
    expect(cluster?.nodes[2]?.error?.hint).toMatch(/avma-check scan/);
  });

  it('spells owners as their nodes are spelt, each once whatever its case', () => {
    expect(cluster?.vms[0]).toMatchObject({
      owner: 'HV1',
      possibleOwners: ['HV1', 'HV2'],
      kvp: true,
      activation: 'avma',
    });
    expect(cluster?.vms[0]?.guest).toMatchObject({
      family: 'windows-server',
      release: '2019',
      edition: 'datacenter',
    });
    expect(cluster?.vms[1]).toMatchObject({
      owner: null,
      possibleOwners: [],
      kvp: false,
      activation: 'other',
      guest: null,
    });
  });
});

describe('declared Azure Local nodes', () => {
  it('show no Windows Server release, even with a build or a release given', () => {
    const [azure] = declaredClusters(
      parseConfig(
        `clusters:
  - name: az
    nodes:
      - { name: A1, facts: { edition: AzureLocal, build: 20348, azureLocalAvma: subscription } }
      - { name: A2, facts: { edition: ServerAzureStackHCICor, build: 26100 } }
`,
        'az.yaml',
      ),
    );
    expect(azure?.nodes.map((node) => [node.facts?.release, node.facts?.build])).toEqual([
      [null, 20348],
      [null, 26100],
    ]);
  });
});
