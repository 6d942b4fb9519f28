// A loopback port that drops connection attempts, as Windows Firewall's default rule does: a listener that never
// accepts (a child process whose event loop is blocked), its accept queue filled first. The kernel then drops
// every further SYN, so a client's TCP connect neither opens nor is refused until it gives up.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface DroppingPort {
  host: string;
  port: number;
  close(): Promise<void>;
}

const LISTENER = `
const server = require('node:net').createServer();
server.listen({ host: process.argv[1], port: 0, backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});`;

/** Resolves true when the socket opened within `ms`, false when it is still connecting. */
function opens(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export async function startDroppingPort(host: string): Promise<DroppingPort> {
  const child: ChildProcess = spawn(process.execPath, ['-e', LISTENER, host], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const fillers: Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    child.kill('SIGKILL');
    await exited;
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the listener exited with ${code}`)));
    });
    // Fill the accept queue (backlog 1 holds about two) until an attempt no longer opens: from then on the port drops.
    for (let i = 0; i < 8; i++) {
      const socket = connect(port, host);
      socket.on('error', () => {});
      fillers.push(socket);
      if (!(await opens(socket, 500))) return { host, port, close };
    }
    throw new Error(`${host}:${port} kept accepting connections`);
  } catch (error) {
    await close();
    throw error;
  }
}
