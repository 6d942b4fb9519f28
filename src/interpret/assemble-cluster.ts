// The collector documents of one cluster's nodes -> its cluster record: topology (nodes, VM groups, possible
// owners) from whichever node answered, each VM's guest from the node it runs on.
import { guestFromKvp } from '../domain/kvp.js';
import { uniqueNames } from '../domain/names.js';
import { saysNoCluster } from '../domain/no-cluster.js';
import { isStaleGuestState } from '../domain/policy.js';
import {
  type ClusterRecord,
  type DrainStatus,
  NODE_STATES,
  type NodeRecord,
  type NodeState,
  unreadNode,
  type VmRecord,
} from '../model/facts.js';
import { drainStatusOf } from './node-facts.js';
import type { RawClusterGroup, RawNode, RawVm } from './raw-schema.js';

const KVP_SERVICE_GUID = /2A34B1C2-FD73-4043-8A5B-DD2159BC743F\}?$/i;

export interface NodeScan {
  node: NodeRecord;
  raw: RawNode | null;
}

const key = (name: string) => name.toLowerCase();

function firstOk<T>(
  scans: readonly NodeScan[],
  pick: (raw: RawNode) => { ok: true; value: T } | { ok: false; error: string } | undefined,
): T | null {
  for (const scan of scans) {
    const probe = scan.raw ? pick(scan.raw) : null;
    if (probe?.ok) return probe.value;
  }
  return null;
}

/** Key-Value Pair Exchange is found by its GUID: service names are localized. */
export function kvpEnabled(vm: RawVm): boolean | null {
  if (!vm.IntegrationServices.ok) return null;
  const service = vm.IntegrationServices.value.find((s) => KVP_SERVICE_GUID.test(s.Id.trim()));
  return service ? service.Enabled : null;
}

function nodeState(text: string | undefined): NodeState {
  const state = NODE_STATES.find((s) => s.toLowerCase() === text?.toLowerCase());
  return state ?? 'Unknown';
}

/** Cluster node names the scanned nodes report: the cluster's own view of its membership. */
export function reportedClusterNodes(
  scans: readonly NodeScan[],
): { name: string; state: NodeState; drainStatus: DrainStatus | null }[] {
  return (firstOk(scans, (raw) => raw.probes.clusterNodes) ?? []).map((n) => ({
    name: n.Name,
    state: nodeState(n.State),
    drainStatus: drainStatusOf(n.DrainStatus),
  }));
}

function vmFromRaw(
  name: string,
  owner: string | null,
  possibleOwners: string[],
  raw: RawVm | null,
): VmRecord {
  const state = raw?.State?.trim().slice(0, 64) || null;
  const guest = raw ? guestFromKvp(raw.GuestIntrinsicExchangeItems) : null;
  return {
    name,
    owner,
    possibleOwners,
    state,
    kvp: raw ? kvpEnabled(raw) : null,
    activation: 'avma',
    activationBasis: 'assumed',
    guest: guest && { ...guest, stale: isStaleGuestState(state) },
  };
}

function clusteredVms(
  groups: readonly RawClusterGroup[],
  scans: readonly NodeScan[],
  canonical: (n: string) => string,
) {
  const byId = new Map<string, RawVm>();
  const byHostAndName = new Map<string, RawVm>();
  for (const scan of scans) {
    const vms = scan.raw?.probes.vms;
    if (!vms?.ok) continue;
    for (const vm of vms.value) {
      byId.set(key(vm.VMId), vm);
      byHostAndName.set(`${key(scan.node.name)}\u0000${key(vm.Name)}`, vm);
    }
  }
  return groups.map((group) => {
    const owner = group.OwnerNode ? canonical(group.OwnerNode) : null;
    const id = group.VmId.ok ? group.VmId.value : null;
    const raw =
      (id ? byId.get(key(id)) : undefined) ??
      byHostAndName.get(`${key(owner ?? '')}\u0000${key(group.Name)}`) ??
      null;
    const possibleOwners = group.PossibleOwners.ok
      ? uniqueNames(group.PossibleOwners.value.map(canonical))
      : [];
    return vmFromRaw(raw?.Name ?? group.Name, owner, possibleOwners, raw);
  });
}

/**
 * The VMs each host lists. Hosts that are not clustered keep each VM on its own host; on a cluster whose VM
 * groups could not be read (no read access to the cluster), a VM's possible owners are unknown, so it is
 * judged on every node (empty possible owners), as Windows lets a clustered VM fail over to any node by default.
 */
function hostVms(scans: readonly NodeScan[], clustered: boolean): VmRecord[] {
  return scans.flatMap((scan) => {
    const vms = scan.raw?.probes.vms;
    const owners = clustered ? [] : [scan.node.name];
    return vms?.ok ? vms.value.map((vm) => vmFromRaw(vm.Name, scan.node.name, owners, vm)) : [];
  });
}

/**
 * Whether the hosts form a cluster although its VM groups could not be read: one reports the cluster or its
 * members, or several hosts were read and their cluster probes failed for another reason than no cluster.
 */
function isClustered(scans: readonly NodeScan[]): boolean {
  const answered = scans.flatMap((scan) => (scan.raw ? [scan.raw] : []));
  if (answered.some((raw) => raw.probes.cluster?.ok || raw.probes.clusterNodes.ok)) return true;
  if (scans.length < 2) return false;
  return answered.some((raw) => {
    const groups = raw.probes.clusterGroups;
    return groups !== undefined && !groups.ok && !saysNoCluster(groups.error);
  });
}

function unlistedMember(name: string): NodeRecord {
  return unreadNode(name, {
    kind: 'not-scanned',
    message: 'the cluster lists this node, but the config does not',
    hint: 'add it to the config, or set discover: true on the cluster to scan every member',
  });
}

/**
 * The cluster record of its nodes' documents. A member the cluster lists but no document came from becomes
 * `missing(name)`: by default a node the config does not list.
 */
export function assembleCluster(
  name: string,
  scans: readonly NodeScan[],
  missing: (name: string) => NodeRecord = unlistedMember,
): ClusterRecord {
  const nodes = scans.map((scan) => ({ ...scan.node }));
  const known = new Map(nodes.map((node) => [key(node.name), node.name]));
  const canonical = (node: string) => known.get(key(node)) ?? node;
  for (const member of reportedClusterNodes(scans)) {
    const node = nodes.find((n) => key(n.name) === key(member.name));
    if (node?.facts)
      node.facts = {
        ...node.facts,
        state: node.facts.state ?? member.state,
        drainStatus: node.facts.drainStatus ?? member.drainStatus,
      };
    if (!node) {
      // A member the config does not list: VMs can land there, so it must not silently drop out.
      nodes.push(missing(member.name));
      known.set(key(member.name), member.name);
    }
  }
  const groups = firstOk(scans, (raw) => raw.probes.clusterGroups);
  const vms =
    groups && groups.length > 0
      ? clusteredVms(groups, scans, canonical)
      : hostVms(scans, groups === null && isClustered(scans));
  return { name, nodes, vms };
}
