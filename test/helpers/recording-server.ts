// An SSH server (ssh2) on loopback that plays a host a lying node named: it records every login attempt it
// receives, and accepts none.
import { createServer, type Server, type Socket } from 'node:net';
import ssh2 from 'ssh2';

export interface RecordingServer {
  host: string;
  port: number;
  /** TCP connections accepted. */
  connections: number;
  passwords: string[];
  publicKeys: number;
  close(): Promise<void>;
}

export async function startRecordingServer(host: string, hostKey: string): Promise<RecordingServer> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, passwords: [] as string[], publicKeys: 0 };
  const ssh = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    client.on('error', () => {});
    client.on('authentication', (context) => {
      if (context.method === 'password') state.passwords.push(context.password);
      if (context.method === 'publickey') state.publicKeys++;
      context.reject(['publickey', 'password']);
    });
  });
  const server: Server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    ssh.injectSocket(socket);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    host,
    port,
    get connections() {
      return state.connections;
    },
    passwords: state.passwords,
    get publicKeys() {
      return state.publicKeys;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
