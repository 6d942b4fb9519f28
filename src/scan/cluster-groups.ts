// The cluster's VM groups and possible owners are the same from every node, and on a large cluster they are most
// of what a node sends (8,000 groups x 64 owners): a scan reads them from one node of each cluster, and asks the
// other nodes for them only when that node could not give them.
import { saysNoCluster } from '../domain/no-cluster.js';
import type { NodeScan } from '../interpret/assemble-cluster.js';
import type { RawNode } from '../interpret/raw-schema.js';

/**
 * The nodes to ask again, for the groups this time, when no node of the cluster read them: each node that
 * answered and left them to another node, unless its own probes say it is in no cluster (a standalone host has
 * no groups to read). Asking all of them keeps what the scan knows as before: every node that answered tried.
 */
export function nodesToAskForGroups(scans: readonly NodeScan[]): NodeScan[] {
  if (scans.some((scan) => scan.raw?.probes.clusterGroups?.ok)) return [];
  return scans.filter(({ raw }) => {
    if (!raw || raw.probes.clusterGroups !== undefined) return false;
    const members = raw.probes.clusterNodes;
    return members.ok || !saysNoCluster(members.error);
  });
}

/**
 * The node's document with the groups its second collection read, or with why that collection gave none: it
 * answered once, so a second failure is this probe's, not the node's.
 */
export function withGroupsFrom(raw: RawNode, again: NodeScan): RawNode {
  const groups = again.raw
    ? (again.raw.probes.clusterGroups ?? {
        ok: false as const,
        error: "the node did not send the cluster's VM groups it was asked for",
      })
    : {
        ok: false as const,
        error: `the node was asked again for the cluster's VM groups and did not give them: ${again.node.error?.message ?? 'no answer'}`,
      };
  return { ...raw, probes: { ...raw.probes, clusterGroups: groups } };
}
