// Simulated Windows nodes: real SSH servers (ssh2) on loopback addresses 127.0.0.2, 127.0.0.3, ..., each
// answering the collector's command line the way Windows OpenSSH with cmd.exe and PowerShell 5.1 would.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import { NODE_MARKER } from '../interpret/markers.js';
import {
  BEGIN_MARKER,
  CMD_EXE_LIMIT,
  COLLECTOR_SCRIPT,
  END_MARKER,
  REMOTE_COMMAND,
} from '../scan/collector-script.js';
import { CLIXML_ACCESS_DENIED, CLIXML_PROGRESS, type SimFault } from './faults.js';
import {
  SIM_CLIENT_KEY_PUBLIC,
  SIM_HOST_KEY_A,
  SIM_HOST_KEY_A_PUBLIC,
  SIM_HOST_KEY_B,
  SIM_PASSWORD,
  SIM_USERNAME,
} from './keys.js';

const { Server, utils } = ssh2;

export interface SimNodeSpec {
  name: string;
  /** Exactly what this node's collector prints as its JSON document (any shape: faults may break it). */
  document: unknown;
  fault?: SimFault | undefined;
  delayMs?: number | undefined;
  /** Extra text before the result, as a login banner or profile would print. */
  noise?: string | undefined;
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
  close(): Promise<void>;
}

export interface SimOptions {
  /** First address is 127.0.0.<firstOctet>. */
  firstOctet?: number;
}

const clientKey = utils.parseKey(SIM_CLIENT_KEY_PUBLIC);

/** Answers as cmd.exe and PowerShell would: the command line must be exactly the collector's. */
function commandProblem(command: string): string | null {
  if (command.length > CMD_EXE_LIMIT) return 'The command line is too long.\r\n';
  if (command !== REMOTE_COMMAND)
    return `'${command.split(' ')[0]}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`;
  return null;
}

/** What the collector writes (collector.ps1's last lines): the node line, then base64 in lines of 76. */
export function resultText(document: unknown): string {
  const json = typeof document === 'string' ? document : JSON.stringify(document);
  const name = (document as { computerName?: unknown } | null)?.computerName;
  const encoded = Buffer.from(json, 'utf8').toString('base64');
  const lines = encoded.match(/.{1,76}/g) ?? [];
  return `\r\n${NODE_MARKER} ${typeof name === 'string' ? name : ''}\r\n${BEGIN_MARKER}\r\n${lines.join('\r\n')}\r\n${END_MARKER}\r\n`;
}

function authenticate(spec: SimNodeSpec, context: ssh2.AuthContext): void {
  if (spec.fault === 'auth-reject' || context.username !== SIM_USERNAME) {
    context.reject(['publickey', 'password']);
  } else if (context.method === 'password') {
    if (context.password === SIM_PASSWORD) context.accept();
    else context.reject(['publickey', 'password']);
  } else if (context.method !== 'publickey' || clientKey instanceof Error) {
    context.reject(['publickey', 'password']);
  } else if (context.key.algo !== clientKey.type || !context.key.data.equals(clientKey.getPublicSSH())) {
    // Windows OpenSSH, like every OpenSSH, lists the methods that may still succeed.
    context.reject(['publickey', 'password']);
  } else if (!context.signature || !context.blob) {
    context.accept();
  } else if (clientKey.verify(context.blob, context.signature, context.hashAlgo)) {
    context.accept();
  } else {
    context.reject(['publickey', 'password']);
  }
}

async function writeAll(stream: ssh2.ServerChannel, text: string): Promise<void> {
  for (let offset = 0; offset < text.length; offset += 16_384) {
    if (!stream.write(text.slice(offset, offset + 16_384)))
      await new Promise((resolve) => stream.once('drain', resolve));
  }
}

async function flood(stream: ssh2.ServerChannel): Promise<void> {
  const chunk = 'x'.repeat(64 * 1024);
  let open = true;
  stream.once('close', () => {
    open = false;
  });
  while (open) {
    if (!stream.write(chunk))
      await new Promise((resolve) => stream.once('drain', resolve).once('close', resolve));
  }
}

async function answer(
  spec: SimNodeSpec,
  stream: ssh2.ServerChannel,
  stdin: string,
  socket: Socket,
): Promise<void> {
  const script = Buffer.from(stdin.trim(), 'base64').toString('utf8');
  if (script !== COLLECTOR_SCRIPT) {
    stream.stderr.write(
      CLIXML_ACCESS_DENIED.replace('Access denied', 'the script on stdin is not the collector'),
    );
    stream.exit(1);
    return void stream.end();
  }
  if (spec.delayMs) await new Promise((resolve) => setTimeout(resolve, spec.delayMs));
  stream.stderr.write(CLIXML_PROGRESS);
  if (spec.noise) stream.write(spec.noise);
  const output = resultText(
    spec.fault === 'malformed' ? '{"collectorVersion":1,"computerName":"x","probes":{' : spec.document,
  );
  switch (spec.fault) {
    case 'flood':
      return flood(stream);
    case 'command-fails':
      stream.stderr.write(CLIXML_ACCESS_DENIED);
      stream.exit(1);
      return void stream.end();
    case 'drop-clean':
      stream.write(output.slice(0, output.length / 2));
      return void setTimeout(() => socket.end(), 20);
    case 'drop-reset':
      stream.write(output.slice(0, output.length / 2));
      return void setTimeout(() => socket.resetAndDestroy(), 20);
    default:
      await writeAll(stream, output);
      stream.exit(0);
      stream.end();
  }
}

function sshServer(spec: SimNodeSpec): ssh2.Server {
  const hostKeys = spec.hostKeys ?? [spec.fault === 'host-key' ? SIM_HOST_KEY_B : SIM_HOST_KEY_A];
  return new Server({ hostKeys: [...hostKeys] }, (client) => {
    const socket = (client as unknown as { _sock: Socket })._sock;
    client.on('error', () => {});
    client.on('authentication', (context) => authenticate(spec, context));
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      session.on('exec', (acceptExec, _reject, info) => {
        const stream = acceptExec();
        const problem = commandProblem(info.command);
        if (problem) {
          stream.stderr.write(problem);
          stream.exit(1);
          return void stream.end();
        }
        let stdin = '';
        stream.on('data', (chunk: Buffer) => {
          stdin += chunk.toString('latin1');
        });
        stream.on('end', () => {
          answer(spec, stream, stdin, socket).catch(() => stream.close());
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

export async function startSimCluster(
  specs: readonly SimNodeSpec[],
  options: SimOptions = {},
): Promise<SimCluster> {
  const first = options.firstOctet ?? 2;
  const servers: NetServer[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const nodes: SimNodeAddress[] = [];
  for (const [index, spec] of specs.entries()) {
    const host = `127.0.0.${first + index}`;
    const ssh = spec.fault === 'silent' || spec.fault === 'refuse' ? null : sshServer(spec);
    const server = createServer((socket) => {
      accepted++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      socket.setNoDelay(true);
      ssh?.injectSocket(socket);
    });
    const port = await listen(server, host);
    if (spec.fault === 'refuse') await new Promise((resolve) => server.close(resolve));
    else servers.push(server);
    nodes.push({ name: spec.name, host, port });
  }
  const knownHosts = nodes.map((node) => `[${node.host}]:${node.port} ${SIM_HOST_KEY_A_PUBLIC}\n`).join('');
  return {
    nodes,
    knownHosts,
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
