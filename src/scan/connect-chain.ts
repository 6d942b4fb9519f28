// Connects to a node directly or through its jump hosts (ProxyJump): each hop's SSH session forwards a channel
// to the next hop (direct-tcpip, as ssh -J does), and each hop has its own host key check and login.
import { connect as tcpConnect } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { NodeFailure, openSshHint } from './classify-error.js';
import type { HostKeyStore } from './host-key-store.js';
import { connectHop } from './ssh-connect.js';
import type { HopSettings, SshSettings } from './ssh-settings.js';

export interface ChainOptions {
  hostKeys: HostKeyStore;
  acceptNewHostKeys: boolean;
  /** Why the node's unknown key is not recorded even with --accept-new-host-keys, or null. */
  notAcceptedBecause: string | null;
  authNote: string | null;
  signal: AbortSignal;
}

export interface Connection {
  client: Client;
  close(): void;
}

function forward(client: Client, from: HopSettings, to: HopSettings): Promise<Duplex> {
  const jump = `jump host ${from.alias} (${from.host}:${from.port})`;
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, to.host, to.port, (error, channel) => {
      if (!error) return resolve(channel);
      const reason = (error as Error & { reason?: number }).reason;
      if (reason === 1)
        return reject(
          new NodeFailure(
            'unreachable',
            `${jump} refused to forward a connection to ${to.host}:${to.port} (administratively prohibited)`,
            'Allow TCP forwarding for this account on the jump host (sshd_config: AllowTcpForwarding yes), or reach the node another way.',
            false,
          ),
        );
      const why = reason === 2 ? 'could not connect to' : `could not open a channel to`;
      reject(
        new NodeFailure(
          'unreachable',
          `${jump} ${why} ${to.host}:${to.port}${reason === 2 ? '' : ` (${error.message})`}`,
          `Seen from the jump host: ${openSshHint(to.port)}`,
        ),
      );
    });
  });
}

export async function connectChain(settings: SshSettings, options: ChainOptions): Promise<Connection> {
  const hops: HopSettings[] = [...settings.jumps, settings];
  const first = hops[0] as HopSettings;
  const socket = tcpConnect({ host: first.host, port: first.port, noDelay: true });
  let socketError: Error | null = null;
  socket.on('error', (error) => {
    socketError ??= error;
  });
  let tcpOpened = false;
  socket.once('connect', () => {
    tcpOpened = true;
  });
  const clients: Client[] = [];
  const close = () => {
    for (const client of [...clients].reverse()) client.end();
    socket.destroy();
  };
  const onAbort = () => socket.destroy();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    let sock: Duplex = socket;
    for (const [index, hop] of hops.entries()) {
      const isNode = index === hops.length - 1;
      const client = await connectHop({
        hop,
        sock,
        hostKeys: options.hostKeys,
        acceptNewHostKeys: options.acceptNewHostKeys,
        notAcceptedBecause: isNode ? options.notAcceptedBecause : null,
        readyTimeoutMs: settings.connectTimeoutMs,
        jumpHost: isNode ? null : `jump host ${hop.alias}`,
        socketError: () => (index === 0 ? socketError : null),
        tcpOpened: () => index > 0 || tcpOpened,
        authNote: isNode ? options.authNote : null,
      });
      clients.push(client);
      const next = hops[index + 1];
      if (next) sock = await forward(client, hop, next);
    }
    return { client: clients[clients.length - 1] as Client, close };
  } catch (error) {
    close();
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}
