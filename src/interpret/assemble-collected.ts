// Collected documents -> cluster records, the same a scan makes: grouped by the cluster each node names, with
// the same error kinds for a node whose document is damaged (bad-output) or missing (unreachable). With a config,
// its declared facts, activation settings and VMs apply as they do to a scan. Pure.
import { activationSettingsOf } from '../config/activation.js';
import { declaredClusters } from '../config/declared-clusters.js';
import type { ClusterConfig, Config } from '../config/schema.js';
import { type ClusterRecord, type NodeRecord, unreadNode } from '../model/facts.js';
import { assembleCluster, type NodeScan } from './assemble-cluster.js';
import type { CollectedDocument } from './collected.js';
import { applyActivationSettings, applyDeclaredVms } from './declared-overrides.js';
import { nodeFromDocument } from './node-facts.js';
import type { RawNode } from './raw-schema.js';

const key = (name: string) => name.toLowerCase();

interface Found {
  name: string;
  raw: RawNode | null;
  /** Why the document cannot be used, for a damaged one. */
  problem: string | null;
  file: string;
}

function unread(name: string, kind: 'unreachable' | 'bad-output', message: string, hint: string): NodeRecord {
  return unreadNode(name, { kind, message, hint });
}

const RUN_AGAIN =
  'run the collector on it again (Invoke-Command -ComputerName NODE -FilePath collector.ps1) and add its output';

function missing(files: readonly string[]) {
  return (name: string) =>
    unread(
      name,
      'unreachable',
      `no collector document of this node in ${files.join(', ')}`,
      `the remoting command may not have reached it: ${RUN_AGAIN}`,
    );
}

function scanOf(
  found: Found,
  node: { name: string; host: string | null; declared?: ClusterConfig['nodes'][number]['facts'] },
  now: Date,
): NodeScan {
  if (!found.raw)
    return {
      node: unread(node.name, 'bad-output', `${found.problem ?? 'damaged'} (in ${found.file})`, RUN_AGAIN),
      raw: null,
    };
  return {
    node: nodeFromDocument(
      { name: node.name, host: node.host ?? node.name, declared: node.declared },
      found.raw,
      now,
    ),
    raw: found.raw,
  };
}

/** Each document's node, the last one winning when a node was collected twice. */
function byNode(documents: readonly CollectedDocument[]): Map<string, Found> {
  const nodes = new Map<string, Found>();
  for (const doc of documents) {
    const name = doc.parsed.ok ? doc.parsed.raw.computerName : doc.node;
    if (!name) continue;
    const raw = doc.parsed.ok ? doc.parsed.raw : null;
    nodes.set(key(name), { name, raw, problem: doc.parsed.ok ? null : doc.parsed.message, file: doc.file });
  }
  return nodes;
}

/** The cluster a node's document names, or whose member list names it; else the node stands alone. */
function clusterNames(found: Map<string, Found>): Map<string, string> {
  const named = new Map<string, string>();
  for (const f of found.values()) {
    const cluster = f.raw?.probes.cluster;
    if (cluster?.ok && cluster.value.Name) named.set(key(f.name), cluster.value.Name);
  }
  for (const f of found.values()) {
    const cluster = named.get(key(f.name));
    const members = f.raw?.probes.clusterNodes;
    if (!cluster || !members?.ok) continue;
    for (const member of members.value)
      if (!named.has(key(member.Name))) named.set(key(member.Name), cluster);
  }
  for (const f of found.values()) if (!named.has(key(f.name))) named.set(key(f.name), f.name);
  return named;
}

export function collectedClusters(
  documents: readonly CollectedDocument[],
  config: Config | null,
  now: Date,
  files: readonly string[],
): ClusterRecord[] {
  const found = byNode(documents);
  const clusterOf = clusterNames(found);
  const groups = new Map<string, { name: string; nodes: Found[] }>();
  for (const f of found.values()) {
    const name = clusterOf.get(key(f.name)) ?? f.name;
    const group = groups.get(key(name)) ?? { name, nodes: [] };
    group.nodes.push(f);
    groups.set(key(name), group);
  }
  const declared = config ? declaredClusters(config) : [];
  const clusters: ClusterRecord[] = [];
  for (const [index, cluster] of (config?.clusters ?? []).entries()) {
    const group = groups.get(key(cluster.name));
    groups.delete(key(cluster.name));
    const inGroup = new Map((group?.nodes ?? []).map((f) => [key(f.name), f]));
    const scans: NodeScan[] = cluster.nodes.map((node, n) => {
      const f = inGroup.get(key(node.name));
      inGroup.delete(key(node.name));
      if (f) return scanOf(f, { name: node.name, host: node.host ?? null, declared: node.facts }, now);
      const record = declared[index]?.nodes[n];
      if (node.facts && !node.host && record) return { node: record, raw: null };
      return { node: missing(files)(node.name), raw: null };
    });
    for (const f of inGroup.values()) scans.push(scanOf(f, { name: f.name, host: null }, now));
    const assembled = assembleCluster(cluster.name, scans, missing(files));
    clusters.push(
      applyDeclaredVms(
        applyActivationSettings(assembled, activationSettingsOf(config as Config, cluster)),
        declared[index],
      ),
    );
  }
  for (const group of groups.values()) {
    const scans = group.nodes.map((f) => scanOf(f, { name: f.name, host: null }, now));
    clusters.push(
      applyActivationSettings(
        assembleCluster(group.name, scans, missing(files)),
        config?.defaults?.activation,
      ),
    );
  }
  return clusters;
}
