// Simulated Windows nodes: real SSH servers (ssh2) on loopback addresses 127.0.0.2, 127.0.0.3, ..., each
// answering the collector's command line the way Windows OpenSSH with cmd.exe and PowerShell 5.1 would.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import { answer, type CollectorRequest, collectorRequest, commandProblem, Exec } from './answer.js';
import type { SimFault } from './faults.js';
import { endlessBanner, stallInKeyExchange } from './hostile-server.js';
import {
  SIM_CLIENT_KEY_PUBLIC,
  SIM_HOST_KEY_A,
  SIM_HOST_KEY_A_PUBLIC,
  SIM_HOST_KEY_B,
  SIM_PASSWORD,
  SIM_USERNAME,
} from './keys.js';

export { resultText } from './answer.js';

const { Server, utils } = ssh2;

export interface SimNodeSpec {
  name: string;
  /** Exactly what this node's collector prints as its JSON document (any shape: faults may break it). */
  document: unknown;
  fault?: SimFault | undefined;
  delayMs?: number | undefined;
  /** Extra text before the result, as a login banner or profile would print. */
  noise?: string | undefined;
  /** Exactly what the node prints on stdout, instead of its result (and after any noise). */
  stdout?: string | undefined;
  /** Private host keys (OpenSSH format) instead of host key A. */
  hostKeys?: readonly string[] | undefined;
}

export interface SimNodeAddress {
  name: string;
  host: string;
  port: number;
}

export interface SimCluster {
  nodes: SimNodeAddress[];
  /** known_hosts lines recording host key A for every node. */
  knownHosts: string;
  /** How many TCP connections the nodes have accepted. */
  connections(): number;
  /** How many TCP connections are open now, on all nodes. */
  openConnections(): number;
  stats(name: string): SimNodeStats;
  close(): Promise<void>;
}

export interface SimOptions {
  /** First address is 127.0.0.<firstOctet>. */
  firstOctet?: number;
}

const clientKey = utils.parseKey(SIM_CLIENT_KEY_PUBLIC);

/** What happened at one node, for tests that check what a scan left behind or tried. */
export interface SimNodeStats {
  /** TCP connections accepted, and still open. */
  accepted: number;
  open: number;
  /** Bytes the node wrote to its TCP connections. */
  bytesSent: number;
  /** Login methods clients tried, in order ('none', 'publickey', 'password', ...). */
  authMethods: string[];
  /** The collectors run, in order: the whole one, or the one that leaves the cluster's groups to another node. */
  collectorRuns: CollectorRequest[];
}

const REFUSED_METHODS: Partial<Record<SimFault, ssh2.AuthenticationType[]>> = {
  'password-only': ['password'],
  'keyboard-interactive': ['keyboard-interactive'],
};

function authenticate(
  spec: SimNodeSpec,
  context: ssh2.AuthContext,
  login: { password: string | null },
): void {
  const offered = REFUSED_METHODS[spec.fault as SimFault] ?? ['publickey', 'password'];
  if (
    spec.fault === 'auth-reject' ||
    context.username !== SIM_USERNAME ||
    !offered.includes(context.method)
  ) {
    context.reject(offered);
  } else if (context.method === 'keyboard-interactive') {
    // Asks, and never decides: a client that answered would wait forever.
    context.prompt([{ prompt: 'Password: ', echo: false }], () => {});
  } else if (context.method === 'password') {
    login.password = context.password;
    if (context.password === SIM_PASSWORD || spec.fault === 'echo-secret') context.accept();
    else context.reject(offered);
  } else if (context.method !== 'publickey' || clientKey instanceof Error) {
    context.reject(offered);
  } else if (context.key.algo !== clientKey.type || !context.key.data.equals(clientKey.getPublicSSH())) {
    // Windows OpenSSH, like every OpenSSH, lists the methods that may still succeed.
    context.reject(offered);
  } else if (!context.signature || !context.blob) {
    context.accept();
  } else if (clientKey.verify(context.blob, context.signature, context.hashAlgo)) {
    context.accept();
  } else {
    context.reject(offered);
  }
}

function sshServer(spec: SimNodeSpec, stats: SimNodeStats): ssh2.Server {
  const hostKeys = spec.hostKeys ?? [spec.fault === 'host-key' ? SIM_HOST_KEY_B : SIM_HOST_KEY_A];
  return new Server({ hostKeys: [...hostKeys] }, (client) => {
    const socket = (client as unknown as { _sock: Socket })._sock;
    const login = { password: null as string | null };
    client.on('error', () => {});
    if (spec.fault === 'close-after-kex') client.once('handshake', () => socket.end());
    client.on('authentication', (context) => {
      stats.authMethods.push(context.method);
      authenticate(spec, context, login);
    });
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      session.on('exec', (acceptExec, _reject, info) => {
        const exec = new Exec(acceptExec());
        const problem = commandProblem(info.command);
        if (problem) {
          exec.write(problem, 'stderr').then(() => exec.finish(1));
          return;
        }
        let stdin = '';
        exec.stream.on('data', (chunk: Buffer) => {
          stdin += chunk.toString('latin1');
        });
        exec.stream.on('end', () => {
          const request = collectorRequest(stdin);
          if (request) stats.collectorRuns.push(request);
          answer(spec, exec, request, { socket, password: login.password }).catch(() => exec.stream.close());
        });
      });
    });
  });
}

function listen(server: NetServer, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** What a node does with a new TCP connection, by its fault. */
function transport(spec: SimNodeSpec, stats: SimNodeStats): ((socket: Socket) => void) | null {
  switch (spec.fault) {
    case 'silent':
      return () => {};
    case 'refuse':
      return null;
    case 'endless-banner':
      return endlessBanner;
    case 'kex-stall':
      return stallInKeyExchange;
    default: {
      const ssh = sshServer(spec, stats);
      return (socket) => ssh.injectSocket(socket);
    }
  }
}

export async function startSimCluster(
  specs: readonly SimNodeSpec[],
  options: SimOptions = {},
): Promise<SimCluster> {
  const first = options.firstOctet ?? 2;
  const servers: NetServer[] = [];
  const live = new Map<string, { stats: SimNodeStats; sockets: Set<Socket> }>();
  const nodes: SimNodeAddress[] = [];
  for (const [index, spec] of specs.entries()) {
    const host = `127.0.0.${first + index}`;
    const node = {
      stats: { accepted: 0, open: 0, bytesSent: 0, authMethods: [], collectorRuns: [] },
      sockets: new Set<Socket>(),
    };
    live.set(spec.name, node);
    const serve = transport(spec, node.stats);
    const server = createServer((socket) => {
      node.stats.accepted++;
      node.sockets.add(socket);
      socket.on('close', () => {
        node.stats.bytesSent += socket.bytesWritten;
        node.sockets.delete(socket);
      });
      socket.on('error', () => {});
      socket.setNoDelay(true);
      serve?.(socket);
    });
    const port = await listen(server, host);
    if (!serve) await new Promise((resolve) => server.close(resolve));
    else servers.push(server);
    nodes.push({ name: spec.name, host, port });
  }
  const knownHosts = nodes.map((node) => `[${node.host}]:${node.port} ${SIM_HOST_KEY_A_PUBLIC}\n`).join('');
  const all = [...live.values()];
  return {
    nodes,
    knownHosts,
    connections: () => all.reduce((sum, node) => sum + node.stats.accepted, 0),
    openConnections: () => all.reduce((sum, node) => sum + node.sockets.size, 0),
    stats: (name) => {
      const node = live.get(name);
      if (!node) throw new Error(`no simulated node ${name}`);
      const sockets = [...node.sockets];
      const sent = sockets.reduce((sum, socket) => sum + socket.bytesWritten, node.stats.bytesSent);
      return {
        ...node.stats,
        open: sockets.length,
        bytesSent: sent,
        authMethods: [...node.stats.authMethods],
      };
    },
    close: async () => {
      for (const node of all) for (const socket of node.sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
