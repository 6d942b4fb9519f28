// One node, one attempt: connect with verified host key, run the collector, read its document.
import { connect as tcpConnect } from 'node:net';
import { NodeSSH } from 'node-ssh';
import type { RawNode } from '../interpret/raw-schema.js';
import { parseCollectorOutput, stderrSummary } from '../interpret/read-output.js';
import { classifyConnectError, NodeFailure } from './classify-error.js';
import type { HostKeyStore } from './host-key-store.js';
import type { HostKeyVerdict } from './known-hosts.js';
import { runCollector } from './run-collector.js';
import type { SshSettings } from './ssh-settings.js';

export interface CollectTarget {
  host: string;
  ssh: SshSettings;
}

export interface CollectOptions {
  hostKeys: HostKeyStore;
  maxOutputBytes: number;
  signal: AbortSignal;
}

function hostKeyFailure(verdict: HostKeyVerdict, host: string, port: number, file: string): NodeFailure {
  const where = port === 22 ? host : `[${host}]:${port}`;
  if (verdict === 'changed') {
    return new NodeFailure(
      'host-key',
      `THE HOST KEY OF ${where} HAS CHANGED since it was recorded in ${file}: someone may be intercepting the connection, or the node was reinstalled`,
      `if the change is expected, remove the old key (ssh-keygen -R '${where}' -f ${file}) and scan with --accept-new-host-keys`,
      false,
    );
  }
  if (verdict === 'revoked')
    return new NodeFailure('host-key', `the host key of ${where} is marked @revoked in ${file}`, null, false);
  return new NodeFailure(
    'host-key',
    `the host key of ${where} is not in ${file}`,
    `check the key's fingerprint on the node, then scan once with --accept-new-host-keys to record it (or add it with ssh-keyscan)`,
    false,
  );
}

export async function collectNode(target: CollectTarget, options: CollectOptions): Promise<RawNode> {
  const { ssh } = target;
  const entries = await options.hostKeys.entries(ssh.knownHostsPath);
  let verdict: HostKeyVerdict | null = null;
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
        // Synchronous on purpose: ssh2 accepts every key when a verifier returns a Promise.
        hostVerifier: (key: Buffer) => {
          verdict = options.hostKeys.verify(entries, target.host, ssh.port, key);
          if (verdict === 'unknown' && options.hostKeys.acceptNew) newKey = key;
          return verdict === 'known' || newKey !== null;
        },
      });
    } catch (error) {
      if (options.signal.aborted)
        throw new NodeFailure('timeout', 'the scan was interrupted before this node answered', null, false);
      if (verdict && verdict !== 'known' && !newKey)
        throw hostKeyFailure(verdict, target.host, ssh.port, ssh.knownHostsPath);
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
    if (newKey) await options.hostKeys.remember(ssh.knownHostsPath, target.host, ssh.port, newKey);
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
