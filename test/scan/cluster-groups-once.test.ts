// The cluster's VM groups are read from one node, over real SSH against simulated nodes: the other nodes are asked
// for them only when that node could not give them, and the scan then knows what it knew when every node sent them.
import { describe, expect, it } from 'vitest';
import type { SimClusterSpec, SimHost } from '../../src/sim/recordings.js';
import type { ServeOptions } from '../../src/sim/serve-spec.js';
import { nodeOf, type SimScan, simScan } from '../helpers/sim-scan.js';

const NO_CLUSTER_ACCESS =
  'You do not have administrative privileges on the cluster. Contact your network administrator to request access.';
const NO_CLUSTER_SERVICE = 'The cluster service is not running. Start the cluster service and try again.';

function spec(hosts: Partial<Record<string, Partial<SimHost>>> = {}): SimClusterSpec {
  const host = (name: string): SimHost => ({ name, release: '2022', edition: 'Datacenter', ...hosts[name] });
  return {
    name: 'lab',
    hosts: ['HV01', 'HV02', 'HV03', 'HV04'].map(host),
    vms: [
      {
        name: 'pinned',
        owner: 'HV02',
        possibleOwners: ['HV02', 'HV03'],
        guest: { release: '2022', edition: 'Standard' },
      },
      { name: 'free', owner: 'HV03', guest: { release: '2019', edition: 'Standard' } },
    ],
  };
}

const runs = (result: SimScan) =>
  Object.fromEntries(['HV01', 'HV02', 'HV03', 'HV04'].map((n) => [n, result.sim.stats(n).collectorRuns]));
const owners = (result: SimScan) =>
  Object.fromEntries(result.snapshot.clusters[0]?.vms.map((vm) => [vm.name, vm.possibleOwners]) ?? []);
const groupErrors = (result: SimScan, name: string) =>
  nodeOf(result, name)?.probeErrors.filter((e) => e.probe === 'clusterGroups') ?? [];

async function scanOf(cluster: SimClusterSpec, serve: ServeOptions) {
  return simScan(cluster, serve, { retryDelaysMs: [] });
}

describe("the cluster's VM groups", () => {
  it('are read from the first node only; the others send their own facts and VMs', async () => {
    const result = await scanOf(spec(), { firstOctet: 190 });
    expect(runs(result)).toEqual({
      HV01: ['whole'],
      HV02: ['without-groups'],
      HV03: ['without-groups'],
      HV04: ['without-groups'],
    });
    expect(owners(result)).toEqual({ pinned: ['HV02', 'HV03'], free: ['HV01', 'HV02', 'HV03', 'HV04'] });
    for (const name of ['HV01', 'HV02', 'HV03', 'HV04'])
      expect(nodeOf(result, name)?.probeErrors).toEqual([]);
    // The guests come from the nodes the VMs run on, which did not send the groups.
    const guests = result.snapshot.clusters[0]?.vms.map((vm) => vm.guest?.release);
    expect(guests).toEqual(['2022', '2019']);
  });

  it('come from the other nodes when the first does not answer', async () => {
    const result = await scanOf(spec(), { firstOctet: 194, faults: { HV01: { fault: 'refuse' } } });
    expect(nodeOf(result, 'HV01')?.error?.kind).toBeDefined();
    expect(runs(result)).toEqual({
      HV01: [],
      HV02: ['without-groups', 'whole'],
      HV03: ['without-groups', 'whole'],
      HV04: ['without-groups', 'whole'],
    });
    expect(owners(result)).toEqual({ pinned: ['HV02', 'HV03'], free: ['HV01', 'HV02', 'HV03', 'HV04'] });
    for (const name of ['HV02', 'HV03', 'HV04']) expect(nodeOf(result, name)?.probeErrors).toEqual([]);
  });

  it("come from the other nodes when the first node's account may not read them, which stays that node's error", async () => {
    const denied = { failingProbes: { clusterGroups: NO_CLUSTER_ACCESS } };
    const result = await scanOf(spec({ HV01: denied }), { firstOctet: 198 });
    expect(owners(result)).toEqual({ pinned: ['HV02', 'HV03'], free: ['HV01', 'HV02', 'HV03', 'HV04'] });
    expect(groupErrors(result, 'HV01')).toEqual([{ probe: 'clusterGroups', message: NO_CLUSTER_ACCESS }]);
    expect(groupErrors(result, 'HV02')).toEqual([]);
  });

  it('that no node may read: every node that answered tried, and says so', async () => {
    const denied = { failingProbes: { clusterGroups: NO_CLUSTER_ACCESS } };
    const result = await scanOf(spec({ HV01: denied, HV02: denied, HV03: denied, HV04: denied }), {
      firstOctet: 202,
    });
    expect(runs(result).HV04).toEqual(['without-groups', 'whole']);
    for (const name of ['HV01', 'HV02', 'HV03', 'HV04'])
      expect(groupErrors(result, name)).toEqual([{ probe: 'clusterGroups', message: NO_CLUSTER_ACCESS }]);
    // Possible owners unknown: each VM is judged on every node (its own host's VMs, no pinned owners).
    expect(owners(result)).toEqual({ pinned: [], free: [] });
  });

  it('are not asked for again from hosts that are in no cluster', async () => {
    const standalone = {
      failingProbes: {
        cluster: NO_CLUSTER_SERVICE,
        clusterNodes: NO_CLUSTER_SERVICE,
        clusterGroups: NO_CLUSTER_SERVICE,
      },
    };
    const result = await scanOf(
      spec({ HV01: standalone, HV02: standalone, HV03: standalone, HV04: standalone }),
      {
        firstOctet: 206,
      },
    );
    expect(Object.values(runs(result)).map((r) => r.length)).toEqual([1, 1, 1, 1]);
    // Each host keeps its own VMs.
    expect(owners(result)).toEqual({ pinned: ['HV02'], free: ['HV03'] });
  });
});
