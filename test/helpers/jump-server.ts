// A jump host made with ssh2's server: accepts one client key and forwards direct-tcpip channels (the 'tcpip'
// event), counting where to; or, with forward: false, refuses them as an sshd with AllowTcpForwarding no does.
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import ssh2 from 'ssh2';

export interface JumpServer {
  host: string;
  port: number;
  /** "host:port" of every forward it opened. */
  forwards: string[];
  close(): Promise<void>;
}

export async function startJumpServer(options: {
  host: string;
  hostKey: string;
  clientKeyPublic: string;
  forward: boolean;
}): Promise<JumpServer> {
  const allowed = ssh2.utils.parseKey(options.clientKeyPublic);
  if (allowed instanceof Error) throw allowed;
  const forwards: string[] = [];
  const sockets = new Set<Socket>();
  const ssh = new ssh2.Server({ hostKeys: [options.hostKey] }, (client) => {
    client.on('error', () => {});
    client.on('authentication', (context) => {
      const ok =
        context.method === 'publickey' &&
        context.key.data.equals(allowed.getPublicSSH()) &&
        (!context.signature || allowed.verify(context.blob as Buffer, context.signature, context.hashAlgo));
      if (ok) context.accept();
      else context.reject(['publickey']);
    });
    if (!options.forward) return;
    client.on('tcpip', (accept, reject, info) => {
      const out = tcpConnect({ host: info.destIP, port: info.destPort });
      out.once('error', () => reject());
      out.once('connect', () => {
        forwards.push(`${info.destIP}:${info.destPort}`);
        const channel = accept();
        channel.pipe(out).pipe(channel);
        channel.on('close', () => out.destroy());
        out.on('close', () => channel.destroy());
      });
    });
  });
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    ssh.injectSocket(socket);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    host: options.host,
    port,
    forwards,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
