// scan(config) -> a stream of ScanEvents ending in the snapshot. Every node is reached over SSH at bounded
// concurrency; a node that fails becomes an error in the snapshot and never stops the others.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { activationSettingsOf } from '../config/activation.js';
import { declaredClusters } from '../config/declared-clusters.js';
import type { ClusterConfig, Config, NodeConfig } from '../config/schema.js';
import { assembleCluster, type NodeScan, reportedClusterNodes } from '../interpret/assemble-cluster.js';
import { applyActivationSettings, applyDeclaredVms } from '../interpret/declared-overrides.js';
import type { RawNode } from '../interpret/raw-schema.js';
import type { ClusterRecord } from '../model/facts.js';
import type { ScanEvent } from '../model/scan-events.js';
import { makeSnapshot } from '../model/snapshot.js';
import { AsyncQueue } from './async-queue.js';
import { nodesToAskForGroups, withGroupsFrom } from './cluster-groups.js';
import { DEFAULT_CONCURRENCY } from './defaults.js';
import { HostKeyStore } from './host-key-store.js';
import { DEFAULT_MAX_OUTPUT_BYTES } from './run-collector.js';
import { type NodeJob, type NodeRunOptions, nodeScanOf, type RawOutputInfo, scanNode } from './scan-node.js';
import { type SshOverrides, SshResolver, type SshSettings } from './ssh-settings.js';

export type { RawOutputInfo } from './scan-node.js';

export { DEFAULT_CONCURRENCY };

export interface ScanOptions extends SshOverrides {
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  concurrency?: number;
  acceptNewHostKeys?: boolean;
  maxOutputBytes?: number;
  retryDelaysMs?: readonly number[];
  signal?: AbortSignal;
  /** known_hosts files every user reads (default /etc/ssh/ssh_known_hosts and ssh_known_hosts2). */
  systemKnownHostsPaths?: readonly string[];
  /**
   * Called with what a node printed when its output could not be used (bad-output, command-failed), once per
   * node, after its last attempt: for --debug. The bytes are the node's, unsanitised.
   */
  onRawOutput?: (info: RawOutputInfo) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 1500];

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

const declaredOnly = (node: NodeConfig) => node.facts !== undefined && node.host === undefined;

async function run(config: Config, options: ScanOptions, emit: (event: ScanEvent) => void): Promise<void> {
  const signal = options.signal ?? new AbortController().signal;
  // Every node in flight listens for Ctrl-C on this one signal.
  setMaxListeners(0, signal);
  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const hostKeys = new HostKeyStore({
    systemPaths: options.systemKnownHostsPaths,
    onRecorded: (recorded) => emit({ type: 'host-key-recorded', ...recorded }),
  });
  const resolver = new SshResolver(options.env, options);
  const declared = declaredClusters(config);

  // SSH settings are resolved once, before any node is contacted: a setting that cannot work (a missing key
  // file, a wrong passphrase, an unreadable known_hosts or OpenSSH config) is a usage error of the run, not a
  // fault of every node. Discovered nodes are resolved when found, from their cluster's settings.
  const nodeSsh = new Map<NodeConfig, SshSettings>();
  const knownHostsPaths: string[] = [];
  for (const cluster of config.clusters) {
    const layers = [config.defaults?.ssh, cluster.ssh];
    for (const node of cluster.nodes.filter((n) => !declaredOnly(n))) {
      const ssh = await resolver.resolve([...layers, node.ssh], node.host ?? node.name);
      nodeSsh.set(node, ssh);
      knownHostsPaths.push(ssh.knownHostsPath);
    }
    if (cluster.discover.enabled) {
      const path = Object.assign({}, ...layers.filter(Boolean)).knownHostsPath ?? '~/.ssh/known_hosts';
      knownHostsPaths.push(resolver.expandHome(path));
    }
  }
  await hostKeys.preload(knownHostsPaths);

  const runOptions: NodeRunOptions = {
    now: options.now,
    hostKeys,
    acceptNewHostKeys: options.acceptNewHostKeys ?? false,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    delaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    signal,
    onRawOutput: options.onRawOutput,
  };
  const jobs = new Map<NodeScan, NodeJob>();
  const scanOne = async (job: NodeJob): Promise<NodeScan> => {
    const host = job.node.host ?? job.node.name;
    emit({ type: 'node-started', cluster: job.cluster.name, node: job.node.name, host });
    const started = performance.now();
    const { attempts, ...scan } = await scanNode(job, runOptions);
    const vms = scan.raw?.probes.vms;
    emit({
      type: 'node-finished',
      cluster: job.cluster.name,
      node: scan.node,
      vmCount: vms?.ok ? vms.value.length : 0,
      ms: Math.round(performance.now() - started),
      attempts,
    });
    jobs.set(scan, job);
    return scan;
  };
  /** Asks again for the groups, on every node that left them to a reader that could not give them. */
  const askForGroups = async (scans: NodeScan[]): Promise<NodeScan[]> => {
    const again = nodesToAskForGroups(scans);
    if (again.length === 0) return scans;
    const answers = new Map(
      await Promise.all(
        again.map(async (scan) => {
          const job = jobs.get(scan) as NodeJob;
          const answer = await limit(() => scanNode({ ...job, clusterGroups: true }, runOptions));
          const raw = withGroupsFrom(scan.raw as RawNode, answer);
          return [scan, nodeScanOf(job, raw, options.now)] as const;
        }),
      ),
    );
    return scans.map((scan) => answers.get(scan) ?? scan);
  };
  const discoveredJob = (cluster: ClusterConfig, name: string): NodeJob => ({
    cluster,
    node: { name },
    discovered: true,
    clusterGroups: false,
    ssh: () => resolver.resolve([config.defaults?.ssh, cluster.ssh], name),
  });

  emit({
    type: 'scan-started',
    clusters: config.clusters.map((c) => ({ name: c.name, nodes: c.nodes.map((n) => n.name) })),
  });

  const clusters = await Promise.all(
    config.clusters.map(async (cluster, index): Promise<ClusterRecord> => {
      const fixed = declared[index]?.nodes ?? [];
      const scanned = cluster.nodes.filter((node) => !declaredOnly(node));
      // The first node reads the cluster's VM groups; the others leave them to it.
      let scans = await Promise.all(
        scanned.map((node, i) =>
          limit(() =>
            scanOne({
              cluster,
              node,
              discovered: false,
              ssh: nodeSsh.get(node) as SshSettings,
              clusterGroups: i === 0,
            }),
          ),
        ),
      );
      if (cluster.discover.enabled) {
        const known = new Set(cluster.nodes.map((n) => n.name.toLowerCase()));
        const added = reportedClusterNodes(scans).filter((member) => !known.has(member.name.toLowerCase()));
        if (added.length > 0) {
          emit({ type: 'cluster-discovered', cluster: cluster.name, added: added.map((m) => m.name) });
          scans.push(
            ...(await Promise.all(added.map((m) => limit(() => scanOne(discoveredJob(cluster, m.name)))))),
          );
        }
      }
      scans = await askForGroups(scans);
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
