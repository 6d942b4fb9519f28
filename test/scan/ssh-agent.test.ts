// Login through a real ssh-agent (Debian's ssh-agent and ssh-add, keys from ssh-keygen), its socket passed in
// the scan's env option; IdentitiesOnly limits the agent to the configured keys; a dead agent is not fatal.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SshConfig } from '../../src/config/schema.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SIM_CLIENT_KEY, SIM_CLIENT_KEY_PUBLIC } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { generateKey } from '../helpers/keys.js';

const spec: SimClusterSpec = {
  name: 'agent',
  hosts: [{ name: 'A1', release: '2019', edition: 'Datacenter' }],
  vms: [],
};

let served: ServedCluster;
let dir = '';
let agent: ChildProcess | null = null;
let socket = '';
let authorized = '';
let other = '';

function startAgent(): Promise<void> {
  socket = join(dir, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    agent?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('SSH_AUTH_SOCK')) resolve();
    });
    agent?.on('exit', (code) => reject(new Error(`ssh-agent exited with ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  served = await serveSpec(spec, { firstOctet: 236 });
  dir = mkdtempSync(join(tmpdir(), 'avma-agent-'));
  authorized = join(dir, 'authorized');
  writeFileSync(authorized, SIM_CLIENT_KEY, { mode: 0o600 });
  writeFileSync(`${authorized}.pub`, `${SIM_CLIENT_KEY_PUBLIC}\n`);
  other = generateKey(dir, 'other', 'ed25519').path;
  await startAgent();
  execFileSync('ssh-add', ['-q', authorized], { env: { SSH_AUTH_SOCK: socket } });
});

afterAll(async () => {
  agent?.kill();
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scanWith(ssh: Partial<SshConfig>, env: Record<string, string> = { SSH_AUTH_SOCK: socket }) {
  const { privateKeyPath: _, ...base } = served.config.defaults?.ssh ?? {};
  const config = { ...served.config, defaults: { ssh: { ...base, agent: true, ...ssh } } };
  const snapshot = await scanToSnapshot(config, {
    now: new Date('2026-11-22'),
    // A home without .ssh: OpenSSH's default key files are not there, only what the test gives can log in.
    env: { HOME: dir, ...env },
    systemKnownHostsPaths: [],
  });
  return snapshot.clusters[0]?.nodes[0];
}

function sshConfig(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('ssh-agent', () => {
  it('logs in with the key the agent holds', async () => {
    expect(execFileSync('ssh-add', ['-l'], { env: { SSH_AUTH_SOCK: socket }, encoding: 'utf8' })).toMatch(
      /ED25519/,
    );
    expect(await scanWith({})).toMatchObject({ error: null, facts: { release: '2019' } });
  });

  it('with IdentitiesOnly, offers only agent keys that match an IdentityFile', async () => {
    const onlyOther = sshConfig('only_other', `Host *\n  IdentitiesOnly yes\n  IdentityFile ${other}\n`);
    const refused = await scanWith({ configFile: onlyOther });
    expect(refused?.error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/refused the login/),
    });
    const withoutOnly = sshConfig('without_only', `Host *\n  IdentityFile ${other}\n`);
    expect((await scanWith({ configFile: withoutOnly }))?.error).toBeNull();
  });

  it('an encrypted IdentityFile with no passphrase is left to the agent that holds it', async () => {
    const encrypted = join(dir, 'encrypted');
    copyFileSync(authorized, encrypted);
    copyFileSync(`${authorized}.pub`, `${encrypted}.pub`);
    execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'agent-held', '-f', encrypted]);
    const config = sshConfig(
      'config_encrypted',
      `Host *\n  IdentitiesOnly yes\n  IdentityFile ${encrypted}\n`,
    );
    expect((await scanWith({ configFile: config }))?.error).toBeNull();
  });

  it('an agent that cannot be reached does not stop a key login; when it was the only way, the run stops at once', async () => {
    const dead = { SSH_AUTH_SOCK: join(dir, 'no-agent.sock') };
    expect((await scanWith({ agent: undefined, privateKeyPath: authorized }, dead))?.error).toBeNull();
    await expect(scanWith({ agent: undefined }, dead)).rejects.toThrow(
      /^no way to log in \(the agent at .*no-agent\.sock does not answer: Failed to connect to agent\)/,
    );
    await expect(scanWith({ agent: true, privateKeyPath: authorized }, dead)).rejects.toThrow(
      /^ssh\.agent is true, but the agent at .* does not answer/,
    );
  });
});
