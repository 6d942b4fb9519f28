// Transport-level misbehaviour of a simulated node, on a raw TCP socket before SSH is up: what a service that is
// not sshd, a tarpit, or a broken sshd does on port 22.
import type { Socket } from 'node:net';

const BANNER_LINE = 'Welcome. This service prints a banner and never says which SSH version it speaks.\r\n';

/** Lines of text before any SSH identification, as fast as the client reads them, until it leaves. */
export function endlessBanner(socket: Socket): void {
  const chunk = BANNER_LINE.repeat(Math.ceil(16_384 / BANNER_LINE.length));
  let open = true;
  socket.once('close', () => {
    open = false;
  });
  socket.on('data', () => {});
  const pump = () => {
    while (open && socket.write(chunk)) {
      // The socket's buffer takes it: write more until it does not.
    }
  };
  socket.on('drain', pump);
  pump();
}

/** A valid SSH identification, then silence: the key exchange never starts. */
export function stallInKeyExchange(socket: Socket): void {
  socket.on('data', () => {});
  socket.write('SSH-2.0-OpenSSH_for_Windows_9.5\r\n');
}
