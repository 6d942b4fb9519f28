import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleCluster, kvpEnabled, type NodeScan } from '../../src/interpret/assemble-cluster.js';
import { nodeFactsFromRaw } from '../../src/interpret/node-facts.js';
import type { NodeRecord } from '../../src/model/facts.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const spec: SimClusterSpec = {
  name: 'c',
  hosts: [
    { name: 'HV01', release: '2022', edition: 'Datacenter' },
    { name: 'HV02', release: '2022', edition: 'Datacenter', state: 'Paused' },
    { name: 'HV03', release: '2019', edition: 'Datacenter' },
  ],
  vms: [
    {
      name: 'a',
      owner: 'HV01',
      possibleOwners: ['HV01', 'HV02'],
      guest: { release: '2022', edition: 'Standard' },
    },
    { name: 'b', owner: 'HV02', guest: { release: '2019', edition: 'Datacenter' }, kvp: false },
    { name: 'off', owner: 'HV03', guest: null },
  ],
};

function scanned(name: string): NodeScan {
  const host = spec.hosts.find((h) => h.name === name) ?? spec.hosts[0];
  if (!host) throw new Error('no host');
  const raw = hostDocument(spec, host);
  const node: NodeRecord = {
    name,
    host: name,
    source: 'scanned',
    facts: nodeFactsFromRaw(raw, NOW),
    error: null,
    probeErrors: [],
  };
  return { node, raw };
}

function failed(name: string): NodeScan {
  return {
    node: {
      name,
      host: name,
      source: 'scanned',
      facts: null,
      error: { kind: 'timeout', message: 'x', hint: null },
      probeErrors: [],
    },
    raw: null,
  };
}

describe('assembleCluster', () => {
  it('takes topology from any node and each guest from the node it runs on', () => {
    const cluster = assembleCluster('c', [scanned('HV01'), scanned('HV02'), scanned('HV03')]);
    expect(cluster.vms).toEqual([
      expect.objectContaining({
        name: 'a',
        owner: 'HV01',
        possibleOwners: ['HV01', 'HV02'],
        kvp: true,
        guest: expect.objectContaining({ release: '2022', edition: 'standard' }),
      }),
      expect.objectContaining({
        name: 'b',
        owner: 'HV02',
        possibleOwners: ['HV01', 'HV02', 'HV03'],
        kvp: false,
        guest: expect.objectContaining({ release: '2019' }),
      }),
      expect.objectContaining({ name: 'off', owner: 'HV03', kvp: true, guest: null }),
    ]);
    expect(cluster.nodes.map((n) => n.facts?.state)).toEqual(['Up', 'Paused', 'Up']);
    expect(cluster.nodes.map((n) => n.facts?.drainStatus)).toEqual([
      'NotInitiated',
      'NotInitiated',
      'NotInitiated',
    ]);
  });

  it('lists each possible owner once, whatever case the cluster spells it in', () => {
    const scan = scanned('HV01');
    const groups = scan.raw?.probes.clusterGroups;
    if (!scan.raw || !groups?.ok) throw new Error('no groups');
    scan.raw = {
      ...scan.raw,
      probes: {
        ...scan.raw.probes,
        clusterGroups: {
          ok: true,
          value: groups.value.map((group) => ({
            ...group,
            PossibleOwners: { ok: true as const, value: ['HV01', 'hv01', 'HV02', 'Hv02', 'NEW9', 'new9'] },
          })),
        },
      },
    };
    const cluster = assembleCluster('c', [scan]);
    expect(cluster.vms[0]?.possibleOwners).toEqual(['HV01', 'HV02', 'NEW9']);
  });

  it('a VM on a node that could not be read keeps its place but not its guest', () => {
    const cluster = assembleCluster('c', [scanned('HV01'), failed('HV02'), scanned('HV03')]);
    expect(cluster.vms.find((vm) => vm.name === 'b')).toMatchObject({
      owner: 'HV02',
      guest: null,
      kvp: null,
    });
    expect(cluster.vms.find((vm) => vm.name === 'a')?.guest?.release).toBe('2022');
  });

  it("takes a node's state and drain status from the cluster's view when its own probe failed", () => {
    const draining = scanned('HV02');
    if (!draining.raw || !draining.node.facts) throw new Error('no raw');
    draining.raw = {
      ...draining.raw,
      probes: { ...draining.raw.probes, clusterNodes: { ok: false, error: 'denied' } },
    };
    draining.node.facts = { ...draining.node.facts, state: null, drainStatus: null };
    const first = scanned('HV01');
    const groups = first.raw?.probes.clusterNodes;
    if (!first.raw || !groups?.ok) throw new Error('no nodes');
    first.raw = {
      ...first.raw,
      probes: {
        ...first.raw.probes,
        clusterNodes: {
          ok: true,
          value: groups.value.map((n) => (n.Name === 'HV02' ? { ...n, DrainStatus: 'InProgress' } : n)),
        },
      },
    };
    const cluster = assembleCluster('c', [first, draining]);
    expect(cluster.nodes[1]?.facts).toMatchObject({ state: 'Paused', drainStatus: 'InProgress' });
  });

  it('adds cluster members the config does not list, as not read', () => {
    const cluster = assembleCluster('c', [scanned('HV01')]);
    expect(cluster.nodes.map((n) => [n.name, n.error?.kind ?? null])).toEqual([
      ['HV01', null],
      ['HV02', 'not-scanned'],
      ['HV03', 'not-scanned'],
    ]);
  });

  /** A host whose cluster probes all failed with `error`. */
  function withoutCluster(name: string, error: string): NodeScan {
    const scan = scanned(name);
    if (!scan.raw) throw new Error('no raw');
    const failure = { ok: false as const, error };
    scan.raw = {
      ...scan.raw,
      probes: { ...scan.raw.probes, cluster: failure, clusterGroups: failure, clusterNodes: failure },
    };
    return scan;
  }
  const NOT_RECOGNIZED =
    "The term 'Get-ClusterGroup' is not recognized as the name of a cmdlet, function, script file, or operable program.";
  const DENIED =
    'You do not have administrative privileges on the cluster. Contact your network administrator to request access.';

  it('without cluster groups (standalone hosts) each VM stays on its host', () => {
    const cluster = assembleCluster('c', [withoutCluster('HV01', NOT_RECOGNIZED)]);
    expect(cluster.vms.map((vm) => [vm.name, vm.possibleOwners])).toEqual([['a', ['HV01']]]);
    const two = assembleCluster('c', [
      withoutCluster('HV01', NOT_RECOGNIZED),
      withoutCluster('HV03', NOT_RECOGNIZED),
    ]);
    expect(two.vms.every((vm) => vm.possibleOwners.length === 1 && vm.possibleOwners[0] === vm.owner)).toBe(
      true,
    );
  });

  it('a cluster whose groups were denied: each VM may land on every node (no possible owners), never only its host', () => {
    const cluster = assembleCluster('c', [withoutCluster('HV01', DENIED), withoutCluster('HV03', DENIED)]);
    expect(cluster.vms.length).toBeGreaterThan(1);
    expect(cluster.vms.map((vm) => vm.possibleOwners)).toEqual(cluster.vms.map(() => []));
    expect(cluster.vms.map((vm) => vm.owner)).toEqual(expect.arrayContaining(['HV01', 'HV03']));
  });

  it('one host that reports its cluster while the groups were denied: every node, too', () => {
    const scan = scanned('HV01');
    if (!scan.raw) throw new Error('no raw');
    scan.raw = {
      ...scan.raw,
      probes: { ...scan.raw.probes, clusterGroups: { ok: false, error: DENIED } },
    };
    expect(assembleCluster('c', [scan]).vms.map((vm) => vm.possibleOwners)).toEqual([[]]);
  });
});

describe('stale guest facts', () => {
  const items = JSON.parse(
    readFileSync(new URL('../fixtures/raw/kvp-2019-domain-controller.json', import.meta.url), 'utf8'),
  ) as string[];

  function withVm(state: string | undefined): NodeScan {
    const scan = scanned('HV03');
    const vms = scan.raw?.probes.vms;
    if (!scan.raw || !vms?.ok || !vms.value[0]) throw new Error('no VM');
    const vm = { ...vms.value[0], GuestIntrinsicExchangeItems: items, State: state };
    scan.raw = { ...scan.raw, probes: { ...scan.raw.probes, vms: { ok: true, value: [vm] } } };
    return scan;
  }
  const offVm = (state: string | undefined) =>
    assembleCluster('c', [withVm(state)]).vms.find((vm) => vm.name === 'off');

  it.each(['Off', 'Saved', 'Paused'])(
    'KVP items of a VM that is %s: kept, marked stale, with the state',
    (state) => {
      expect(offVm(state)).toMatchObject({
        state,
        guest: { release: '2019', edition: 'standard', stale: true },
      });
    },
  );

  it('a running VM reports current facts', () => {
    expect(offVm('Running')).toMatchObject({ state: 'Running', guest: { stale: false } });
  });

  it('no state read: not marked', () => {
    expect(offVm(undefined)).toMatchObject({ state: null, guest: { stale: false } });
  });
});

describe('kvpEnabled', () => {
  const vm = (services: { Id: string; Enabled: boolean }[]) => ({
    Name: 'v',
    VMId: 'x',
    IntegrationServices: { ok: true as const, value: services },
    GuestIntrinsicExchangeItems: [],
  });

  it('finds Key-Value Pair Exchange by its GUID whatever the service is called', () => {
    expect(
      kvpEnabled(vm([{ Id: 'Microsoft:ABC\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F', Enabled: false }])),
    ).toBe(false);
    expect(
      kvpEnabled(vm([{ Id: 'Microsoft:ABC\\2a34b1c2-fd73-4043-8a5b-dd2159bc743f', Enabled: true }])),
    ).toBe(true);
  });

  it('is unknown when the service is not listed or the probe failed', () => {
    expect(
      kvpEnabled(vm([{ Id: 'Microsoft:ABC\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', Enabled: true }])),
    ).toBeNull();
    expect(kvpEnabled({ ...vm([]), IntegrationServices: { ok: false, error: 'denied' } })).toBeNull();
  });
});
