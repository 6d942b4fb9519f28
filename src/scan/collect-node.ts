// One node, one attempt: connect (through its jump hosts) with verified host keys, run the collector, read its
// document.
import type { RawNode } from '../interpret/raw-schema.js';
import { parseCollectorOutput, stderrSummary } from '../interpret/read-output.js';
import { NodeFailure } from './classify-error.js';
import { connectChain } from './connect-chain.js';
import type { HostKeyStore } from './host-key-store.js';
import { runCollector } from './run-collector.js';
import type { SshSettings } from './ssh-settings.js';

export interface CollectTarget {
  ssh: SshSettings;
  /** Why a password the config names was not sent to this node (a discovered node), or null. */
  passwordWithheld: string | null;
  /** Why an unknown host key is not recorded even with --accept-new-host-keys, or null. */
  notAcceptedBecause: string | null;
  /** Read the cluster's VM groups here, or leave them to another node of the cluster. */
  clusterGroups: boolean;
}

export interface CollectOptions {
  hostKeys: HostKeyStore;
  /** Trust on first use: record an unknown host key instead of failing. */
  acceptNewHostKeys: boolean;
  maxOutputBytes: number;
  signal: AbortSignal;
}

function withRaw(failure: NodeFailure, stdout: Buffer, stderr: Buffer): NodeFailure {
  failure.raw = { stdout, stderr };
  return failure;
}

export async function collectNode(target: CollectTarget, options: CollectOptions): Promise<RawNode> {
  const { ssh } = target;
  const canLogIn =
    ssh.identities.some((identity) => identity.key) || ssh.agent !== null || ssh.password !== null;
  if (!canLogIn && target.passwordWithheld)
    throw new NodeFailure(
      'auth',
      `no login was tried on ${ssh.alias}: ${target.passwordWithheld}`,
      null,
      false,
    );
  let connection: Awaited<ReturnType<typeof connectChain>>;
  try {
    connection = await connectChain(ssh, {
      hostKeys: options.hostKeys,
      acceptNewHostKeys: options.acceptNewHostKeys,
      notAcceptedBecause: target.notAcceptedBecause,
      authNote: target.passwordWithheld,
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted)
      throw new NodeFailure('timeout', 'the scan was interrupted before this node answered', null, false);
    throw error;
  }
  try {
    const run = await runCollector(connection.client, {
      commandTimeoutMs: ssh.commandTimeoutMs,
      maxOutputBytes: options.maxOutputBytes,
      signal: options.signal,
      clusterGroups: target.clusterGroups,
    });
    const parsed = parseCollectorOutput(run.stdout);
    if (parsed.ok) return parsed.raw;
    if (run.exitCode !== 0) {
      const said = stderrSummary(run.stderr) || `exit code ${run.exitCode}`;
      throw withRaw(
        new NodeFailure(
          'command-failed',
          `the collector failed: ${said}`,
          'The login needs Windows PowerShell (powershell.exe) and administrator rights on the node.',
          false,
        ),
        run.stdout,
        run.stderr,
      );
    }
    throw withRaw(
      new NodeFailure(
        'bad-output',
        parsed.message,
        'Run avma-check again with --debug and send the raw output it prints for this node, with the ' +
          "node's Windows Server release, to the avma-check maintainers.",
        false,
      ),
      run.stdout,
      run.stderr,
    );
  } finally {
    connection.close();
  }
}
