// What-if changes as transformations of cluster records, applied before analysis: "what if" and "what is"
// share one code path. Pure.
import { type EditionFamily, editionName } from '../domain/editions.js';
import { type LtscRelease, releaseName } from '../domain/releases.js';
import type { ClusterRecord, NodeFacts, NodeRecord } from '../model/facts.js';

export type Change =
  | { kind: 'drain'; cluster: string; node: string }
  | { kind: 'resume'; cluster: string; node: string }
  | { kind: 'evict'; cluster: string; node: string }
  | { kind: 'upgrade'; cluster: string; node: string; release: LtscRelease }
  | { kind: 'edition'; cluster: string; node: string; edition: EditionFamily }
  | { kind: 'add-node'; cluster: string; node: string; release: LtscRelease; edition: EditionFamily };

const BUILD_OF: Record<LtscRelease, number> = {
  '2012R2': 9600,
  '2016': 14393,
  '2019': 17763,
  '2022': 20348,
  '2025': 26100,
};

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'drain':
      return `drain ${change.node}`;
    case 'resume':
      return `resume ${change.node}`;
    case 'evict':
      return `evict ${change.node}`;
    case 'upgrade':
      return `upgrade ${change.node} to ${releaseName(change.release)}`;
    case 'edition':
      return `make ${change.node} ${editionName(change.edition)}`;
    case 'add-node':
      return `add ${change.node} (${releaseName(change.release)} ${editionName(change.edition)})`;
  }
}

/** A node that is planned, not built: declared healthy apart from its release and edition. */
function plannedNode(change: Extract<Change, { kind: 'add-node' }>): NodeRecord {
  return {
    name: change.node,
    host: null,
    source: 'declared',
    error: null,
    probeErrors: [],
    facts: {
      release: change.release,
      build: BUILD_OF[change.release],
      edition: change.edition,
      editionId: null,
      activated: true,
      licenseState: null,
      activationExpires: null,
      evaluationLicense: false,
      onlyAddOnLicenses: false,
      hyperV: true,
      avmaRequests30d: null,
      state: 'Up',
      drainStatus: null,
      azureLocalAvma: null,
    },
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function withFacts(node: NodeRecord, update: Partial<NodeFacts>): NodeRecord {
  if (!node.facts) return node;
  return { ...node, facts: { ...node.facts, ...update } };
}

function applyOne(cluster: ClusterRecord, change: Change): ClusterRecord {
  if (!same(cluster.name, change.cluster)) return cluster;
  const isTarget = (node: NodeRecord) => same(node.name, change.node);
  switch (change.kind) {
    case 'drain':
    case 'resume':
      return {
        ...cluster,
        nodes: cluster.nodes.map((node) =>
          isTarget(node) ? { ...node, drained: change.kind === 'drain' } : node,
        ),
      };
    case 'evict':
      // Possible owners keep naming the evicted node: it is no target, and a VM left with no other owner has
      // nowhere to run (an empty list would mean every node).
      return {
        ...cluster,
        nodes: cluster.nodes.filter((node) => !isTarget(node)),
        evicted: [...(cluster.evicted ?? []), change.node],
      };
    case 'upgrade':
      return {
        ...cluster,
        nodes: cluster.nodes.map((node) =>
          isTarget(node)
            ? withFacts(node, { release: change.release, build: BUILD_OF[change.release] })
            : node,
        ),
      };
    case 'add-node':
      if (cluster.nodes.some(isTarget)) return cluster;
      return { ...cluster, nodes: [...cluster.nodes, plannedNode(change)] };
    case 'edition':
      return {
        ...cluster,
        nodes: cluster.nodes.map((node) =>
          isTarget(node) ? withFacts(node, { edition: change.edition, editionId: null }) : node,
        ),
      };
  }
}

export function applyChanges(
  clusters: readonly ClusterRecord[],
  changes: readonly Change[],
): ClusterRecord[] {
  return changes.reduce<ClusterRecord[]>(
    (current, change) => current.map((cluster) => applyOne(cluster, change)),
    [...clusters],
  );
}
