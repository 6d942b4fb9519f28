// New raw forms end to end: simulated nodes print them over real SSH, scan() reads them, and check --snapshot
// judges the saved facts into the JSON report.
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { serializeSnapshot } from '../../src/model/snapshot.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { serveSpec } from '../../src/sim/serve-spec.js';
import { type Json, runMain, tempFiles } from '../helpers/run-main.js';
import { nodeOf, type SimScan, simScan } from '../helpers/sim-scan.js';

const SPEC: SimClusterSpec = {
  name: 'legacy',
  hosts: [
    { name: 'ESU1', release: '2012R2', edition: 'Datacenter', licenseStatus: 5, esu: 1 },
    { name: 'ESU2', release: '2012R2', edition: 'Datacenter', licenseStatus: null, esu: 1 },
    {
      name: 'OK1',
      release: '2012R2',
      edition: 'Datacenter',
      esu: 0,
      state: 'Paused',
      drainStatus: 'InProgress',
    },
  ],
  vms: [
    { name: 'app', owner: 'OK1', guest: { release: '2012R2', edition: 'Standard' } },
    // Off and Saved, their KVP items left from when they last ran.
    { name: 'off', owner: 'OK1', state: 'Off', guest: { release: '2016', edition: 'Standard' } },
    { name: 'saved', owner: 'ESU1', state: 'Saved', guest: { release: '2012R2', edition: 'Datacenter' } },
  ],
};

const files = tempFiles();
let scanned: SimScan;
let report: Json;

beforeAll(async () => {
  scanned = await simScan(SPEC, { firstOctet: 160 });
  const file = await files.write('legacy.snapshot.json', serializeSnapshot(scanned.snapshot));
  const result = await runMain(['check', '--snapshot', file, '-f', 'json', '--no-tui']);
  report = JSON.parse(result.stdout);
});

const jsonNode = (name: string) => report.clusters[0].nodes.find((n: Json) => n.name === name);

describe('licence rows over SSH', () => {
  it('an unlicensed 2012 R2 host with a licensed ESU add-on is not activated', () => {
    expect(nodeOf(scanned, 'ESU1')?.facts).toMatchObject({ activated: false, licenseState: 'Notification' });
    expect(jsonNode('ESU1')).toMatchObject({ activated: false, licenseState: 'Notification' });
    expect(report.clusters[0].vms[0].targets.fail).toContainEqual({
      nodes: expect.arrayContaining(['ESU1']),
      rules: ['host-not-activated'],
    });
  });

  it('a host with only an ESU row says only add-ons are installed', () => {
    expect(jsonNode('ESU2')).toMatchObject({ activated: false, onlyAddOnLicenses: true });
    expect(report.clusters[0].findings).toContainEqual(
      expect.objectContaining({
        rule: 'host-not-activated',
        node: 'ESU2',
        message: expect.stringMatching(/only add-on licences/),
      }),
    );
  });

  it('a licensed OS row with an unlicensed ESU row is activated', () => {
    expect(jsonNode('OK1')).toMatchObject({ activated: true, licenseState: 'Licensed' });
  });
});

describe('drain status over SSH', () => {
  it("each node's DrainStatus from Get-ClusterNode, in its JSON row", () => {
    expect(nodeOf(scanned, 'OK1')?.facts?.drainStatus).toBe('InProgress');
    expect(report.clusters[0].nodes.map((n: Json) => [n.name, n.state, n.drainStatus])).toEqual([
      ['ESU1', 'Up', 'NotInitiated'],
      ['ESU2', 'Up', 'NotInitiated'],
      ['OK1', 'Paused', 'InProgress'],
    ]);
  });
});

describe('guests with no published AVMA key, over SSH (KVP SKU and OSName)', () => {
  const GUEST_SPEC: SimClusterSpec = {
    name: 'lab',
    hosts: [
      { name: 'DC1', release: '2025', edition: 'Datacenter' },
      { name: 'STD1', release: '2025', edition: 'Standard' },
    ],
    vms: [
      { name: 'ess22', owner: 'DC1', guest: { release: '2022', edition: 'Essentials' } },
      { name: 'ess19', owner: 'DC1', guest: { release: '2019', edition: 'Essentials' } },
      { name: 'eval', owner: 'DC1', guest: { release: '2022', edition: 'DatacenterEval' } },
      { name: 'fnd', owner: 'STD1', guest: { release: '2012R2', edition: 'Foundation' } },
      { name: 'hvs', owner: 'STD1', guest: { release: '2019', edition: 'HyperVServer' } },
      { name: 'hci', owner: 'STD1', guest: { release: '2022', edition: 'AzureLocal' } },
    ],
  };
  let lab: Json;

  beforeAll(async () => {
    const result = await simScan(GUEST_SPEC, { firstOctet: 170 });
    const file = await files.write('lab.snapshot.json', serializeSnapshot(result.snapshot));
    lab = JSON.parse((await runMain(['check', '--snapshot', file, '-f', 'json', '--no-tui'])).stdout);
  });

  it.each([
    ['ess22', 'no AVMA key is published for Windows Server 2022 Essentials'],
    ['eval', 'no AVMA key is published for Windows Server 2022 Datacenter Evaluation'],
    ['fnd', 'no AVMA key is published for Windows Server 2012 R2 Foundation'],
    ['hvs', 'no AVMA key is published for Hyper-V Server 2019'],
    ['hci', 'no AVMA key is published for Azure Local (Azure Stack HCI) guests'],
  ])('%s is not applicable: %s', (name, reason) => {
    expect(lab.clusters[0].vms.find((vm: Json) => vm.name === name)).toMatchObject({
      verdict: 'not-applicable',
      reason,
    });
  });

  it('Essentials 2019 stays an AVMA guest, at risk on the Standard node', () => {
    expect(lab.clusters[0].vms.find((vm: Json) => vm.name === 'ess19')).toMatchObject({
      verdict: 'at-risk',
      reason: null,
      guest: { release: '2019', edition: 'essentials' },
    });
  });
});

describe('activation settings apply to scanned VMs', () => {
  const SPEC: SimClusterSpec = {
    name: 'mixed',
    hosts: [
      { name: 'DC1', release: '2022', edition: 'Datacenter' },
      { name: 'STD1', release: '2022', edition: 'Standard' },
    ],
    vms: ['kms-01', 'lab-1', 'app', 'kms-avma'].map((name) => ({
      name,
      owner: 'DC1',
      guest: { release: '2022', edition: 'Standard' } as const,
    })),
  };
  let mixed: Json;

  beforeAll(async () => {
    const served = await serveSpec(SPEC, { firstOctet: 180 });
    try {
      const raw = JSON.parse(JSON.stringify(served.config));
      raw.defaults.activation = {
        exceptions: [
          { vms: 'kms-*', activation: 'other' },
          { vms: 'lab-*', activation: 'unknown' },
        ],
      };
      raw.clusters[0].vms = [{ name: 'KMS-AVMA', activation: 'avma' }];
      const snapshot = await scanToSnapshot(configSchema.parse(raw), {
        now: new Date('2026-11-22T00:00:00.000Z'),
        env: {},
        connectTimeoutSeconds: 2,
        commandTimeoutSeconds: 5,
      });
      const file = await files.write('mixed.snapshot.json', serializeSnapshot(snapshot));
      mixed = JSON.parse((await runMain(['check', '--snapshot', file, '-f', 'json', '--no-tui'])).stdout);
    } finally {
      await served.close();
    }
  });

  it('by pattern, assumed, or declared, kept in the snapshot and shown in the report', () => {
    expect(
      mixed.clusters[0].vms.map((vm: Json) => [vm.name, vm.activation, vm.activationBasis, vm.verdict]),
    ).toEqual([
      ['kms-01', 'other', 'pattern', 'not-applicable'],
      ['lab-1', 'unknown', 'pattern', 'unknown'],
      ['app', 'avma', 'assumed', 'at-risk'],
      ['kms-avma', 'avma', 'declared', 'at-risk'],
    ]);
  });
});

describe('stale guest facts over SSH', () => {
  const vm = (name: string) => report.clusters[0].vms.find((v: Json) => v.name === name);

  it('a VM that is Off or Saved keeps its verdict, its guest facts marked stale with its state', () => {
    expect(vm('off')).toMatchObject({
      state: 'Off',
      guest: { release: '2016', stale: true },
      verdict: 'at-risk',
    });
    expect(vm('saved')).toMatchObject({ state: 'Saved', guest: { release: '2012R2', stale: true } });
    expect(vm('saved').verdict).toBe(vm('app').verdict);
  });

  it('a running VM is not stale', () => {
    expect(vm('app')).toMatchObject({ state: 'Running', guest: { stale: false } });
  });
});

describe('AVMA requests over SSH (event 12310)', () => {
  const DENIED =
    'Could not retrieve information about the Application log. Error: Attempted to perform an unauthorized operation..';
  const spec = (second: Partial<SimClusterSpec['hosts'][number]>): SimClusterSpec => ({
    name: 'events',
    hosts: [
      { name: 'EV1', release: '2022', edition: 'Datacenter', avmaRequests: 0 },
      { name: 'EV2', release: '2022', edition: 'Datacenter', ...second },
    ],
    vms: [{ name: 'app', owner: 'EV1', guest: { release: '2022', edition: 'Standard' } }],
  });
  const judge = async (second: Partial<SimClusterSpec['hosts'][number]>, octet: number) => {
    const result = await simScan(spec(second), { firstOctet: octet });
    const file = await files.write(`events-${octet}.snapshot.json`, serializeSnapshot(result.snapshot));
    return {
      result,
      json: JSON.parse((await runMain(['check', '--snapshot', file, '-f', 'json'])).stdout) as Json,
    };
  };
  const rules = (json: Json) => json.clusters[0].findings.map((f: Json) => f.rule);

  it('every host logged none: counts per node and the warning', async () => {
    const { json } = await judge({ avmaRequests: 0 }, 190);
    expect(json.clusters[0].nodes.map((n: Json) => [n.name, n.avmaRequests30d])).toEqual([
      ['EV1', 0],
      ['EV2', 0],
    ]);
    expect(rules(json)).toContain('no-avma-requests');
  });

  it('a host whose Application log is denied: its count is unknown, the probe error says why, no warning', async () => {
    const { result, json } = await judge({ failingProbes: { avmaRequests: DENIED } }, 195);
    expect(nodeOf(result, 'EV2')?.probeErrors).toEqual([{ probe: 'avmaRequests', message: DENIED }]);
    expect(json.clusters[0].nodes.map((n: Json) => n.avmaRequests30d)).toEqual([0, null]);
    expect(rules(json)).not.toContain('no-avma-requests');
    // A denied count is no missing fact a verdict depends on.
    expect(json.clusters[0].vms[0].verdict).toBe('safe');
  });
});
