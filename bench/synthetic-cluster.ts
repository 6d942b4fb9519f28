// A cluster at the Windows maximum (64 nodes, 8,000 VMs) halfway through a rolling upgrade, with the usual
// mistakes: a Standard node, a lapsed activation, an evaluation host, VMs of every release, some pinned.
import type { Release } from '../src/domain/releases.js';
import type { ClusterRecord, NodeFacts, NodeRecord, VmRecord } from '../src/model/facts.js';

function facts(overrides: Partial<NodeFacts>): NodeFacts {
  return {
    release: '2022',
    build: 20348,
    edition: 'datacenter',
    editionId: 'ServerDatacenterCor',
    activated: true,
    licenseState: 'Licensed',
    activationExpires: null,
    evaluationLicense: false,
    onlyAddOnLicenses: false,
    hyperV: true,
    avmaRequests30d: null,
    state: 'Up',
    drainStatus: null,
    azureLocalAvma: null,
    ...overrides,
  };
}

function node(index: number): NodeRecord {
  const name = `HV${String(index + 1).padStart(2, '0')}`;
  const base = {
    name,
    host: `${name.toLowerCase()}.example.test`,
    source: 'scanned' as const,
    error: null,
    probeErrors: [],
  };
  if (index === 63) {
    return { ...base, facts: null, error: { kind: 'timeout', message: 'no answer within 30 s', hint: null } };
  }
  if (index >= 58) return { ...base, facts: facts({ release: '2019', build: 17763 }) };
  if (index === 57) return { ...base, facts: facts({ edition: 'standard', editionId: 'ServerStandardCor' }) };
  if (index === 56) return { ...base, facts: facts({ activated: false, licenseState: 'Notification' }) };
  if (index === 55) {
    return {
      ...base,
      facts: facts({ edition: 'datacenter-evaluation', activationExpires: '2026-12-01T00:00:00.000Z' }),
    };
  }
  return { ...base, facts: facts({}) };
}

const GUESTS: (Release | null)[] = ['2012R2', '2016', '2019', '2022', '2022', '2025', '1809', null];

function vm(index: number, nodes: readonly NodeRecord[]): VmRecord {
  const release = GUESTS[index % GUESTS.length] ?? null;
  // The first 55 nodes (fewer in a smaller cluster) are the healthy-looking ones VMs run on.
  const pool = Math.min(55, nodes.length);
  const owner = nodes[index % pool]?.name ?? null;
  const pinned =
    index % 10 === 0 && pool >= 4
      ? [0, 1, 2, 3].map((offset) => nodes[(index + offset) % pool]?.name ?? '')
      : [];
  return {
    name: `vm-${String(index).padStart(5, '0')}`,
    owner,
    possibleOwners: pinned,
    state: 'Running',
    kvp: index % 50 !== 7,
    activation: index % 100 === 99 ? 'other' : 'avma',
    activationBasis: index % 100 === 99 ? 'declared' : 'assumed',
    guest: release
      ? { family: 'windows-server', release, edition: 'standard', build: null, name: null, stale: false }
      : null,
  };
}

export function syntheticCluster(nodeCount = 64, vmCount = 8000): ClusterRecord {
  const nodes = Array.from({ length: nodeCount }, (_, index) => node(index));
  const vms = Array.from({ length: vmCount }, (_, index) => vm(index, nodes));
  return { name: 'hv-max', nodes, vms };
}
