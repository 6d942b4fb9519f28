// scan(config) -> a stream of ScanEvents ending in the snapshot. Every node is reached over SSH at bounded
// concurrency; a node that fails becomes an error in the snapshot and never stops the others.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { activationSettingsOf } from '../config/activation.js';
import { declaredClusters, declaredNodeFacts } from '../config/declared-clusters.js';
import type { ClusterConfig, Config, NodeConfig } from '../config/schema.js';
import { assembleCluster, type NodeScan, reportedClusterNodes } from '../interpret/assemble-cluster.js';
import { applyActivationSettings, applyDeclaredVms, overrideFacts } from '../interpret/declared-overrides.js';
import { nodeFactsFromRaw, probeErrorsOf } from '../interpret/node-facts.js';
import type { ClusterRecord, NodeFacts } from '../model/facts.js';
import type { ScanEvent } from '../model/scan-events.js';
import { makeSnapshot } from '../model/snapshot.js';
import { AsyncQueue } from './async-queue.js';
import { NodeFailure } from './classify-error.js';
import { collectNode } from './collect-node.js';
import { DEFAULT_CONCURRENCY } from './defaults.js';
import { HostKeyStore } from './host-key-store.js';
import { DEFAULT_MAX_OUTPUT_BYTES } from './run-collector.js';
import { resolveSsh, type SshOverrides, type SshSettings } from './ssh-settings.js';

export { DEFAULT_CONCURRENCY };

export interface ScanOptions extends SshOverrides {
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  concurrency?: number;
  acceptNewHostKeys?: boolean;
  maxOutputBytes?: number;
  retryDelaysMs?: readonly number[];
  signal?: AbortSignal;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 1500];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

interface Job {
  cluster: ClusterConfig;
  node: NodeConfig;
}

export function scan(config: Config, options: ScanOptions): AsyncIterable<ScanEvent> {
  const events = new AsyncQueue<ScanEvent>();
  run(config, options, (event) => events.push(event)).then(
    () => events.close(),
    (error: unknown) => events.fail(error),
  );
  return events;
}

/** Like scan(), but reports events to a callback and returns the snapshot. */
export async function scanToSnapshot(
  config: Config,
  options: ScanOptions,
  onEvent: (event: ScanEvent) => void = () => {},
) {
  let snapshot = makeSnapshot([], options.now, 'scan');
  await run(config, options, (event) => {
    if (event.type === 'scan-finished') snapshot = event.snapshot;
    onEvent(event);
  });
  return snapshot;
}

async function run(config: Config, options: ScanOptions, emit: (event: ScanEvent) => void): Promise<void> {
  const signal = options.signal ?? new AbortController().signal;
  // Every node in flight listens for Ctrl-C on this one signal.
  setMaxListeners(0, signal);
  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const hostKeys = new HostKeyStore(options.acceptNewHostKeys ?? false);
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const declared = declaredClusters(config);

  const declaredOnly = (node: NodeConfig) => node.facts !== undefined && node.host === undefined;
  // SSH settings are resolved once, before any node is contacted: a setting that cannot work (a missing key
  // file or password variable) is a usage error of the run, not a fault of one node. Discovered nodes take
  // their cluster's settings.
  const nodeSsh = new Map<NodeConfig, SshSettings>();
  const clusterSsh = new Map<ClusterConfig, SshSettings>();
  for (const cluster of config.clusters) {
    const layers = [config.defaults?.ssh, cluster.ssh];
    for (const node of cluster.nodes.filter((n) => !declaredOnly(n))) {
      nodeSsh.set(node, await resolveSsh([...layers, node.ssh], options.env, options));
    }
    if (cluster.discover) clusterSsh.set(cluster, await resolveSsh(layers, options.env, options));
  }

  const scanNode = async ({ cluster, node }: Job): Promise<NodeScan> => {
    const host = node.host ?? node.name;
    emit({ type: 'node-started', cluster: cluster.name, node: node.name, host });
    const started = performance.now();
    let attempts = 0;
    let scan: NodeScan;
    for (;;) {
      attempts++;
      try {
        const ssh = nodeSsh.get(node) ?? clusterSsh.get(cluster);
        if (!ssh) throw new Error(`no SSH settings for ${node.name}`);
        const raw = await collectNode(
          { host, ssh },
          { hostKeys, maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES, signal },
        );
        const facts: NodeFacts = overrideFacts(
          nodeFactsFromRaw(raw, options.now),
          node.facts ? declaredNodeFacts(node.facts) : null,
          node.facts,
        );
        scan = {
          node: {
            name: node.name,
            host,
            source: 'scanned',
            facts,
            error: null,
            probeErrors: probeErrorsOf(raw),
          },
          raw,
        };
        break;
      } catch (error) {
        const failure = error instanceof NodeFailure ? error : null;
        if (failure?.retryable && attempts <= delays.length && !signal.aborted) {
          await sleep(delays[attempts - 1] ?? 0, signal);
          continue;
        }
        const nodeError = failure?.error ?? {
          kind: 'command-failed' as const,
          message: `internal error while scanning: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'this is a bug in avma-check; please report it',
        };
        scan = {
          node: { name: node.name, host, source: 'scanned', facts: null, error: nodeError, probeErrors: [] },
          raw: null,
        };
        break;
      }
    }
    const vms = scan.raw?.probes.vms;
    emit({
      type: 'node-finished',
      cluster: cluster.name,
      node: scan.node,
      vmCount: vms?.ok ? vms.value.length : 0,
      ms: Math.round(performance.now() - started),
      attempts,
    });
    return scan;
  };

  emit({
    type: 'scan-started',
    clusters: config.clusters.map((c) => ({ name: c.name, nodes: c.nodes.map((n) => n.name) })),
  });

  const clusters = await Promise.all(
    config.clusters.map(async (cluster, index): Promise<ClusterRecord> => {
      const fixed = declared[index]?.nodes ?? [];
      const scanned = cluster.nodes.filter((node) => !declaredOnly(node));
      const scans = await Promise.all(scanned.map((node) => limit(() => scanNode({ cluster, node }))));
      if (cluster.discover) {
        const known = new Set(cluster.nodes.map((n) => n.name.toLowerCase()));
        const added = reportedClusterNodes(scans).filter((member) => !known.has(member.name.toLowerCase()));
        if (added.length > 0) {
          emit({ type: 'cluster-discovered', cluster: cluster.name, added: added.map((m) => m.name) });
          scans.push(
            ...(await Promise.all(
              added.map((m) => limit(() => scanNode({ cluster, node: { name: m.name } }))),
            )),
          );
        }
      }
      const declaredScans: NodeScan[] = cluster.nodes
        .map((node, i) => ({ node, record: fixed[i] }))
        .filter(({ node }) => declaredOnly(node))
        .flatMap(({ record }) => (record ? [{ node: record, raw: null }] : []));
      const order = new Map(cluster.nodes.map((node, i) => [node.name.toLowerCase(), i]));
      const all = [...declaredScans, ...scans].sort(
        (a, b) =>
          (order.get(a.node.name.toLowerCase()) ?? 1e9) - (order.get(b.node.name.toLowerCase()) ?? 1e9),
      );
      const assembled = assembleCluster(cluster.name, all);
      const settings = activationSettingsOf(config, cluster);
      return applyDeclaredVms(applyActivationSettings(assembled, settings), declared[index]);
    }),
  );
  emit({ type: 'scan-finished', snapshot: makeSnapshot(clusters, options.now, 'scan') });
}
