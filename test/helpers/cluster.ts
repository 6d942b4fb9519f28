// Builds cluster records for tests: every node a healthy 2022 Datacenter host, every VM a 2022 guest,
// unless told otherwise.
import type { ClusterRecord, GuestOs, NodeFacts, NodeRecord, VmRecord } from '../../src/model/facts.js';

export const NOW = new Date('2026-11-22T12:00:00.000Z');

export function hostFacts(overrides: Partial<NodeFacts> = {}): NodeFacts {
  return {
    release: '2022',
    build: 20348,
    edition: 'datacenter',
    editionId: 'ServerDatacenter',
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

export function guestOs(overrides: Partial<GuestOs> = {}): GuestOs {
  return {
    family: 'windows-server',
    release: '2022',
    edition: 'standard',
    build: 20348,
    name: null,
    stale: false,
    ...overrides,
  };
}

export class ClusterBuilder {
  private readonly nodes: NodeRecord[] = [];
  private readonly vms: VmRecord[] = [];

  constructor(private readonly name: string) {}

  node(name: string, facts: Partial<NodeFacts> = {}): this {
    this.nodes.push({
      name,
      host: null,
      source: 'declared',
      facts: hostFacts(facts),
      error: null,
      probeErrors: [],
    });
    return this;
  }

  rawNode(node: Partial<NodeRecord> & { name: string }): this {
    this.nodes.push({ host: null, source: 'scanned', facts: null, error: null, probeErrors: [], ...node });
    return this;
  }

  vm(
    name: string,
    overrides: Partial<Omit<VmRecord, 'guest'>> & { guest?: Partial<GuestOs> | null } = {},
  ): this {
    const { guest, ...rest } = overrides;
    this.vms.push({
      name,
      owner: this.nodes[0]?.name ?? null,
      possibleOwners: [],
      state: null,
      kvp: true,
      activation: 'avma',
      activationBasis: 'assumed',
      guest: guest === null ? null : guestOs(guest),
      ...rest,
    });
    return this;
  }

  build(): ClusterRecord {
    return { name: this.name, nodes: [...this.nodes], vms: [...this.vms] };
  }
}

export function aCluster(name = 'test'): ClusterBuilder {
  return new ClusterBuilder(name);
}
