// A Config's declared facts -> cluster records. Nodes without declared facts have not been read.

import { isSemiAnnualEditionId } from '../domain/editions.js';
import { guestFromDeclared } from '../domain/guest-os.js';
import { releaseFromBuild } from '../domain/releases.js';
import {
  type ClusterRecord,
  type NodeFacts,
  type NodeRecord,
  unreadNode,
  type VmRecord,
} from '../model/facts.js';
import { activationSettingsOf, resolveActivation } from './activation.js';
import type { ActivationSettings, ClusterConfig, Config, NodeConfig, VmConfig } from './schema.js';

type DeclaredFacts = NonNullable<NodeConfig['facts']>;

export function declaredNodeFacts(facts: DeclaredFacts): NodeFacts {
  const editionText = facts.edition?.text ?? null;
  const editionId = editionText && /^server/i.test(editionText) ? editionText : null;
  const semiAnnual = editionId !== null && isSemiAnnualEditionId(editionId);
  return {
    // Azure Local shares builds with Windows Server but is no Windows Server release (domain.md 3.3).
    release:
      facts.edition?.family === 'azure-local'
        ? null
        : (facts.release ?? (facts.build !== undefined ? releaseFromBuild(facts.build, semiAnnual) : null)),
    build: facts.build ?? null,
    edition: facts.edition?.family ?? null,
    editionId,
    activated: facts.activated ?? null,
    licenseState: null,
    activationExpires: facts.activationExpires ?? null,
    evaluationLicense: false,
    onlyAddOnLicenses: false,
    hyperV: facts.hyperV ?? null,
    avmaRequests30d: facts.avmaRequests30d ?? null,
    state: facts.state ?? null,
    drainStatus: facts.drainStatus ?? null,
    azureLocalAvma: facts.azureLocalAvma ?? null,
  };
}

function declaredNode(node: NodeConfig): NodeRecord {
  const host = node.host ?? null;
  if (node.facts)
    return {
      name: node.name,
      host,
      source: 'declared',
      facts: declaredNodeFacts(node.facts),
      error: null,
      probeErrors: [],
    };
  return unreadNode(
    node.name,
    {
      kind: 'not-scanned',
      message: 'no facts are declared for this node, and check does not scan',
      hint: 'declare its facts in the config, or run avma-check scan to read them over SSH',
    },
    { host, source: 'declared' },
  );
}

/** Node names as the cluster's node list spells them (names compare without case); unknown names as given. */
class Canonical {
  private readonly spelled = new Map<string, string>();

  constructor(cluster: ClusterConfig) {
    for (const node of cluster.nodes) {
      const key = node.name.toLowerCase();
      if (!this.spelled.has(key)) this.spelled.set(key, node.name);
    }
  }

  name(name: string): string {
    return this.spelled.get(name.toLowerCase()) ?? name;
  }

  /** Each owner once, whatever its case: `[A, a, B]` is two owners. */
  owners(names: readonly string[] | undefined): string[] {
    if (!names) return [];
    const seen = new Set<string>();
    const owners: string[] = [];
    for (const given of names) {
      const key = given.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      owners.push(this.spelled.get(key) ?? given);
    }
    return owners;
  }
}

function declaredVm(canonical: Canonical, vm: VmConfig, settings: ActivationSettings | undefined): VmRecord {
  const { guest } = vm;
  // No object spreads: a config holds thousands of VMs, and a spread copies through a generic path.
  const { activation, activationBasis } = resolveActivation(vm.name, settings, vm.activation);
  return {
    activation,
    activationBasis,
    name: vm.name,
    owner: vm.owner ? canonical.name(vm.owner) : null,
    state: null,
    possibleOwners: canonical.owners(vm.possibleOwners),
    kvp: vm.kvp,
    guest: guest
      ? guestFromDeclared({
          release: guest.release || undefined,
          edition: guest.edition?.family,
          os: guest.os || undefined,
          build: guest.build,
          semiAnnual: guest.edition ? isSemiAnnualEditionId(guest.edition.text) : undefined,
        })
      : null,
  };
}

export function declaredClusters(config: Config): ClusterRecord[] {
  return config.clusters.map((cluster) => {
    const canonical = new Canonical(cluster);
    const settings = activationSettingsOf(config, cluster);
    return {
      name: cluster.name,
      nodes: cluster.nodes.map(declaredNode),
      vms: cluster.vms.map((vm) => declaredVm(canonical, vm, settings)),
    };
  });
}
