// Debian's OpenSSH sshd on a loopback address, run in the foreground as the test's user (root in CI), with a
// config of its own in a temporary directory.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  host: string;
  port: number;
  /** The .pub line of its ed25519 host key, "ssh-ed25519 AAAA...". */
  hostKey: string;
  user: string;
  /** What sshd has logged (at LogLevel DEBUG1). */
  log(): string;
  stop(): Promise<void>;
}

export interface SshdOptions {
  host: string;
  authorizedKeys: readonly string[];
  /** The ed25519 host key (an OpenSSH private key); one is generated when absent. */
  hostKey?: string;
  /** Also offer a generated RSA host key, as a node with two key types does. */
  rsaHostKey?: boolean;
  /** More sshd_config lines, e.g. "AllowTcpForwarding no" or a ForceCommand. */
  extra?: readonly string[];
}

export function freePort(host: string): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startSshd(options: SshdOptions): Promise<Sshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install openssh-server (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'avma-sshd-'));
  const port = await freePort(options.host);
  mkdirSync('/run/sshd', { recursive: true });
  mkdirSync(join(dir, 'home'));
  if (options.hostKey) writeFileSync(join(dir, 'host_key'), options.hostKey, { mode: 0o600 });
  else execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  if (options.rsaHostKey)
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-N', '', '-f', join(dir, 'host_rsa_key')]);
  writeFileSync(join(dir, 'authorized_keys'), `${options.authorizedKeys.join('\n')}\n`, { mode: 0o600 });
  const user = userInfo().username;
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `ListenAddress ${options.host}:${port}`,
      `HostKey ${join(dir, 'host_key')}`,
      ...(options.rsaHostKey ? [`HostKey ${join(dir, 'host_rsa_key')}`] : []),
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'LogLevel DEBUG1',
      `AllowUsers ${user}`,
      `SetEnv HOME=${join(dir, 'home')}`,
      ...(options.extra ?? []),
      '',
    ].join('\n'),
  );
  const sshd: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start in 10 s: ${log}`)), 10_000);
    sshd.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    sshd.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code}: ${log}`));
    });
  });
  const hostKey = execFileSync('ssh-keygen', ['-y', '-f', join(dir, 'host_key')], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
  return {
    host: options.host,
    port,
    hostKey,
    user,
    log: () => log,
    stop: async () => {
      const exited = new Promise((resolve) => sshd.once('exit', resolve));
      sshd.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
