// One node, one attempt: connect with verified host key, run the collector, read its document.
import { connect as tcpConnect } from 'node:net';
import { NodeSSH } from 'node-ssh';
import type { RawNode } from '../interpret/raw-schema.js';
import { parseCollectorOutput, stderrSummary } from '../interpret/read-output.js';
import { classifyConnectError, NodeFailure } from './classify-error.js';
import { hostKeyFailure } from './host-key-failure.js';
import type { HostKeyStore } from './host-key-store.js';
import type { HostKeyCheck } from './known-hosts.js';
import { runCollector } from './run-collector.js';
import type { SshSettings } from './ssh-settings.js';

export interface CollectTarget {
  host: string;
  ssh: SshSettings;
}

export interface CollectOptions {
  hostKeys: HostKeyStore;
  /** Trust on first use: record an unknown host key instead of failing. */
  acceptNewHostKeys: boolean;
  maxOutputBytes: number;
  signal: AbortSignal;
}

export async function collectNode(target: CollectTarget, options: CollectOptions): Promise<RawNode> {
  const { ssh } = target;
  const { hostKeys } = options;
  let presented: { key: Buffer; check: HostKeyCheck } | null = null;
  let newKey: Buffer | null = null;
  const client = new NodeSSH();
  const sock = tcpConnect({ host: target.host, port: ssh.port, noDelay: true });
  let socketError: Error | null = null;
  sock.on('error', (error) => {
    socketError ??= error;
  });
  const onAbort = () => sock.destroy();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    try {
      await client.connect({
        sock,
        username: ssh.username,
        ...(ssh.privateKey && { privateKey: ssh.privateKey.toString('utf8') }),
        ...(ssh.passphrase && { passphrase: ssh.passphrase }),
        ...(ssh.password && { password: ssh.password }),
        ...(ssh.agent && { agent: ssh.agent }),
        readyTimeout: ssh.connectTimeoutMs,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
        algorithms: { serverHostKey: hostKeys.algorithms(ssh.knownHostsPath, target.host, ssh.port) },
        // Synchronous on purpose: ssh2 accepts every key when a verifier returns a Promise.
        hostVerifier: (key: Buffer) => {
          presented = { key, check: hostKeys.check(ssh.knownHostsPath, target.host, ssh.port, key) };
          if (presented.check.verdict === 'unknown' && options.acceptNewHostKeys) newKey = key;
          return presented.check.verdict === 'known' || newKey !== null;
        },
      });
    } catch (error) {
      if (options.signal.aborted)
        throw new NodeFailure('timeout', 'the scan was interrupted before this node answered', null, false);
      const seen = presented as { key: Buffer; check: HostKeyCheck } | null;
      if (seen && seen.check.verdict !== 'known' && !newKey)
        throw hostKeyFailure({
          verdict: seen.check.verdict,
          host: target.host,
          port: ssh.port,
          key: seen.key,
          recorded: seen.check.recorded,
          knownHostsPath: ssh.knownHostsPath,
          jumpHost: null,
          notAcceptedBecause: null,
        });
      throw classifyConnectError(socketError ?? error, {
        host: target.host,
        port: ssh.port,
        username: ssh.username,
        connectTimeoutMs: ssh.connectTimeoutMs,
      });
    }
    const connection = client.connection;
    if (!connection) throw new NodeFailure('unreachable', `${target.host} closed the connection after login`);
    // node-ssh drops its own error listener once connected: without this, a reset kills the process.
    connection.on('error', () => {});
    if (newKey) {
      const recorded = await hostKeys.remember(ssh.knownHostsPath, target.host, ssh.port, newKey);
      if (recorded.verdict === 'changed' || recorded.verdict === 'revoked')
        throw hostKeyFailure({
          verdict: recorded.verdict,
          host: target.host,
          port: ssh.port,
          key: newKey,
          recorded: [],
          knownHostsPath: ssh.knownHostsPath,
          jumpHost: null,
          notAcceptedBecause: null,
        });
    }
    const run = await runCollector(connection, {
      commandTimeoutMs: ssh.commandTimeoutMs,
      maxOutputBytes: options.maxOutputBytes,
      signal: options.signal,
    });
    const parsed = parseCollectorOutput(run.stdout);
    if (parsed.ok) return parsed.raw;
    if (run.exitCode !== 0) {
      const said = stderrSummary(run.stderr) || `exit code ${run.exitCode}`;
      throw new NodeFailure(
        'command-failed',
        `the collector failed: ${said}`,
        'the login needs Windows PowerShell (powershell.exe) and administrator rights on the node',
        false,
      );
    }
    throw new NodeFailure(
      'bad-output',
      parsed.message,
      'run avma-check with --debug and report the output if the node runs a supported Windows Server',
      false,
    );
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    client.dispose();
    sock.destroy();
  }
}
