// The synthetic cluster (synthetic-cluster.ts) as a clusters.json that `check` and `plan` read: the same
// nodes, mistakes and VMs, declared instead of scanned. The unreachable node is declared without facts.
import type { NodeRecord } from '../src/model/facts.js';
import { syntheticCluster } from './synthetic-cluster.js';

const EDITION_TEXT: Record<string, string> = {
  datacenter: 'Datacenter',
  standard: 'Standard',
  'datacenter-evaluation': 'DatacenterEval',
};

function declaredNode(node: NodeRecord) {
  const facts = node.facts;
  if (!facts) return { name: node.name, host: node.host };
  return {
    name: node.name,
    host: node.host,
    facts: {
      release: facts.release,
      edition: EDITION_TEXT[facts.edition ?? 'datacenter'] ?? 'Datacenter',
      activated: facts.activated,
      ...(facts.activationExpires && { activationExpires: facts.activationExpires.slice(0, 10) }),
      hyperV: facts.hyperV,
      state: facts.state,
    },
  };
}

/** A config of one cluster: most VMs may land on every node (long target lists), one in ten on four. */
export function syntheticConfig(nodeCount = 64, vmCount = 8000) {
  const cluster = syntheticCluster(nodeCount, vmCount);
  return {
    clusters: [
      {
        name: cluster.name,
        nodes: cluster.nodes.map(declaredNode),
        vms: cluster.vms.map((vm) => ({
          name: vm.name,
          ...(vm.owner && { owner: vm.owner }),
          ...(vm.possibleOwners.length > 0 && { possibleOwners: vm.possibleOwners }),
          ...(vm.kvp === false && { kvp: false }),
          ...(vm.activation === 'other' && { activation: 'other' }),
          ...(vm.guest?.release && { guest: { release: vm.guest.release, edition: 'Standard' } }),
        })),
      },
    ],
  };
}
