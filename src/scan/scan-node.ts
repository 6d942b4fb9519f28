// One node of a scan, with retries: its SSH settings, the trust it gets (a discovered node gets no password and
// no trust on first use unless the config says so), the collector, and its facts or its error.

import type { ClusterConfig, NodeConfig } from '../config/schema.js';
import { UserError } from '../config/user-error.js';
import type { NodeScan } from '../interpret/assemble-cluster.js';
import { nodeFromDocument } from '../interpret/node-facts.js';
import type { RawNode } from '../interpret/raw-schema.js';
import { unreadNode } from '../model/facts.js';
import { NodeFailure } from './classify-error.js';
import { type CollectOptions, type CollectTarget, collectNode } from './collect-node.js';
import { type Redact, redactor } from './redact.js';
import type { SshSettings } from './ssh-settings.js';

export interface RawOutputInfo {
  cluster: string;
  node: string;
  host: string;
  stdout: Buffer;
  stderr: Buffer;
}

export interface NodeJob {
  cluster: ClusterConfig;
  node: NodeConfig;
  /** Named by another node (discover), not by the config. */
  discovered: boolean;
  /** The node's settings, or how to get them (a discovered node's are resolved when it is scanned). */
  ssh: SshSettings | (() => Promise<SshSettings>);
  /** Read the cluster's VM groups on this node; false leaves them to another node of the cluster. */
  clusterGroups: boolean;
}

export interface NodeRunOptions extends Omit<CollectOptions, 'signal'> {
  now: Date;
  delaysMs: readonly number[];
  signal: AbortSignal;
  onRawOutput?: ((info: RawOutputInfo) => void) | undefined;
}

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

async function settingsOf(job: NodeJob): Promise<SshSettings> {
  if (typeof job.ssh !== 'function') return job.ssh;
  try {
    return await job.ssh();
  } catch (error) {
    if (error instanceof UserError) throw new NodeFailure('auth', error.message, error.hint, false);
    throw error;
  }
}

/** What a discovered node is not given, and how the config would give it. */
function targetOf(job: NodeJob, ssh: SshSettings): CollectTarget {
  const { cluster, node } = job;
  const trust = cluster.discover;
  const why = `${node.name} was discovered (another node of cluster ${cluster.name} named it, not the config)`;
  const withheld = job.discovered && !trust.sendPassword && ssh.password !== null;
  return {
    ssh: withheld ? { ...ssh, password: null } : ssh,
    passwordWithheld: withheld
      ? `${why}, so the SSH password was not sent to it: a node that lies about its cluster could collect it. ` +
        `To send it to discovered nodes, set discover: { enabled: true, sendPassword: true } on cluster ${cluster.name}, or list the node in the config.`
      : null,
    notAcceptedBecause:
      job.discovered && !trust.acceptNewHostKeys
        ? `${why}; record its key yourself (ssh-keyscan), list the node in the config, or set discover: { enabled: true, acceptNewHostKeys: true } on cluster ${cluster.name}`
        : null,
    clusterGroups: job.clusterGroups,
  };
}

/** The node's record from a document it sent. */
export function nodeScanOf(job: NodeJob, raw: RawNode, now: Date): NodeScan {
  const { node } = job;
  return {
    node: nodeFromDocument({ name: node.name, host: node.host ?? node.name, declared: node.facts }, raw, now),
    raw,
  };
}

export async function scanNode(
  job: NodeJob,
  options: NodeRunOptions,
): Promise<NodeScan & { attempts: number }> {
  const { node } = job;
  const host = node.host ?? node.name;
  let attempts = 0;
  let redact: Redact = redactor([]);
  for (;;) {
    attempts++;
    try {
      const ssh = await settingsOf(job);
      redact = redactor([ssh.password]);
      const raw = await collectNode(targetOf(job, ssh), options);
      return { ...nodeScanOf(job, raw, options.now), attempts };
    } catch (error) {
      const failure = error instanceof NodeFailure ? error : null;
      if (failure?.retryable && attempts <= options.delaysMs.length && !options.signal.aborted) {
        await sleep(options.delaysMs[attempts - 1] ?? 0, options.signal);
        continue;
      }
      if (failure?.raw && options.onRawOutput) {
        const { stdout, stderr } = failure.raw;
        options.onRawOutput({
          cluster: job.cluster.name,
          node: node.name,
          host,
          stdout: redact.bytes(stdout),
          stderr: redact.bytes(stderr),
        });
      }
      const found = failure?.error ?? {
        kind: 'command-failed' as const,
        message: `internal error while scanning: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'This is a bug in avma-check; please report it.',
      };
      const nodeError = {
        ...found,
        message: redact.text(found.message),
        hint: found.hint === null ? null : redact.text(found.hint),
      };
      return {
        node: unreadNode(node.name, nodeError, { host }),
        raw: null,
        attempts,
      };
    }
  }
}
