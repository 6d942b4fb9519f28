// One SSH login over a given stream (a TCP socket, or a channel forwarded by a jump host): host key checked
// against known_hosts before any credential is sent, then the login methods in order. Resolves with the ready
// client; any failure becomes a NodeFailure naming the hop.
import type { Duplex } from 'node:stream';
import { NodeSSH } from 'node-ssh';
import type { Client } from 'ssh2';
import { type AuthRecord, authHandler } from './auth-methods.js';
import { classifyConnectError, NodeFailure } from './classify-error.js';
import { hostKeyFailure } from './host-key-failure.js';
import type { HostKeyStore } from './host-key-store.js';
import type { HostKeyCheck } from './known-hosts.js';
import type { HopSettings } from './ssh-settings.js';

export interface HopOptions {
  hop: HopSettings;
  sock: Duplex;
  hostKeys: HostKeyStore;
  acceptNewHostKeys: boolean;
  /** Why an unknown key is not recorded even with --accept-new-host-keys (a discovered node), or null. */
  notAcceptedBecause: string | null;
  readyTimeoutMs: number;
  /** "jump host NAME" for a jump host, null for the node. */
  jumpHost: string | null;
  /** The TCP socket's own error, which says more than ssh2's (ECONNREFUSED and the like). */
  socketError: () => Error | null;
  /** Whether the TCP connection under this hop has opened (a channel forwarded by a jump host always has). */
  tcpOpened: () => boolean;
  /** Appended to an auth failure's hint (e.g. why a password was not sent). */
  authNote?: string | null | undefined;
}

/** When the host takes no key login at all, what would work instead; else null. */
function noKeyLogin(offered: string[] | null, hasPassword: boolean): string | null {
  if (!offered || offered.includes('publickey') || (hasPassword && offered.includes('password'))) return null;
  const allowKeys =
    'allow key logins in its sshd_config (PubkeyAuthentication yes) and authorize the key, or';
  return offered.includes('password')
    ? `It takes no key login, only a password: ${allowKeys} name the variable that holds the password in ssh.passwordEnv.`
    : `It takes only logins that ask questions (${offered.join(', ')}), which avma-check never answers: ${allowKeys} allow passwords (PasswordAuthentication yes) and set ssh.passwordEnv.`;
}

function authFailure(
  failure: NodeFailure,
  record: AuthRecord,
  note: string | null | undefined,
  agentProblem: string | null,
  hasPassword: boolean,
): NodeFailure {
  if (failure.error.kind !== 'auth') return failure;
  const offered = record.offered ? ` (it accepts: ${record.offered.join(', ')})` : '';
  const problem = record.agentError ?? agentProblem;
  const agent = problem ? ` The ssh-agent could not be used: ${problem}.` : '';
  return new NodeFailure(
    'auth',
    `${failure.message}${offered}`,
    [note, noKeyLogin(record.offered, hasPassword) ?? `${failure.error.hint ?? ''}${agent}`]
      .filter(Boolean)
      .join(' '),
    false,
  );
}

export function connectHop(options: HopOptions): Promise<Client> {
  const { hop, hostKeys } = options;
  return new Promise((resolve, reject) => {
    const record: AuthRecord = { offered: null, agentError: null };
    let presented: { key: Buffer; check: HostKeyCheck } | null = null;
    let newKey: Buffer | null = null;
    let keyExchanged = false;
    let settled = false;

    // Trust on first use: recorded once the key exchange has proven the host holds the key, as OpenSSH does
    // (before the login, which may still fail).
    let recording: Promise<'ok' | 'changed' | 'revoked' | Error> = Promise.resolve('ok');

    const failure = (error: unknown): NodeFailure => {
      const seen = presented as { key: Buffer; check: HostKeyCheck } | null;
      if (seen && seen.check.verdict !== 'known' && !newKey) {
        return hostKeyFailure({
          verdict: seen.check.verdict,
          host: hop.host,
          port: hop.port,
          key: seen.key,
          recorded: seen.check.recorded,
          knownHostsPath: hop.knownHostsPath,
          jumpHost: options.jumpHost,
          notAcceptedBecause: options.acceptNewHostKeys ? options.notAcceptedBecause : null,
        });
      }
      const context = {
        host: hop.host,
        port: hop.port,
        username: hop.username,
        connectTimeoutMs: options.readyTimeoutMs,
        jumpHost: options.jumpHost,
        keyExchanged,
        tcpOpened: options.tcpOpened(),
      };
      return authFailure(
        classifyConnectError(options.socketError() ?? error, context),
        record,
        options.authNote,
        hop.agentProblem,
        hop.password !== null,
      );
    };

    const ssh = new NodeSSH();
    const connecting = ssh.connect({
      sock: options.sock,
      username: hop.username,
      authHandler: authHandler(hop, record),
      readyTimeout: options.readyTimeoutMs,
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      algorithms: { serverHostKey: hostKeys.algorithms(hop.knownHostsPath, hop.host, hop.port) },
      // Synchronous on purpose: ssh2 accepts every key when a verifier returns a Promise.
      hostVerifier: (key: Buffer) => {
        presented = { key, check: hostKeys.check(hop.knownHostsPath, hop.host, hop.port, key) };
        if (presented.check.verdict === 'unknown' && options.acceptNewHostKeys && !options.notAcceptedBecause)
          newKey = key;
        return presented.check.verdict === 'known' || newKey !== null;
      },
    });
    // node-ssh creates its ssh2 client before its first await: the listeners below see every event.
    const client = ssh.connection;
    if (!client) throw new Error('node-ssh did not create a connection');
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      client.end();
      recording.then(() => reject(failure(error)));
    };
    client.on('error', (error: Error & { level?: string }) => {
      // Kept for the message; node-ssh's connect rejects with it (the agent was checked when the run started).
      if (error.level === 'agent') record.agentError = error.message;
    });
    client.once('handshake', () => {
      keyExchanged = true;
      const key = newKey;
      if (!key) return;
      recording = hostKeys.remember(hop.knownHostsPath, hop.host, hop.port, key).then(
        (recorded) => {
          if (recorded.verdict === 'added' || recorded.verdict === 'known') return 'ok';
          // Another scan recorded a different key for this host meanwhile: that one decides.
          presented = { key, check: { verdict: recorded.verdict, recorded: [] } };
          newKey = null;
          return recorded.verdict;
        },
        (error: Error) => error,
      );
    });
    connecting.then(
      () =>
        recording.then((outcome) => {
          if (outcome !== 'ok')
            return fail(outcome instanceof Error ? outcome : new Error('host key changed'));
          if (!settled) resolve(client);
          settled = true;
        }),
      fail,
    );
  });
}
