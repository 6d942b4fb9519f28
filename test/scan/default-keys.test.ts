// With no ssh.privateKeyPath, no IdentityFile in the OpenSSH config and no agent, the scan tries OpenSSH's default
// key files under $HOME/.ssh (HOME from the scan's env), as ssh does; against a simulated node on loopback.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config, SshConfig } from '../../src/config/schema.js';
import { UserError } from '../../src/config/user-error.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SshResolver } from '../../src/scan/ssh-settings.js';
import { SIM_CLIENT_KEY } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { generateKey } from '../helpers/keys.js';

const spec: SimClusterSpec = {
  name: 'defaults',
  hosts: [{ name: 'D1', release: '2022', edition: 'Datacenter' }],
  vms: [],
};

let served: ServedCluster;
let home = '';
let sshDir = '';

beforeAll(async () => {
  served = await serveSpec(spec, { firstOctet: 150 });
});

afterAll(async () => {
  await served.close();
});

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'avma-home-'));
  sshDir = join(home, '.ssh');
  mkdirSync(sshDir, { mode: 0o700 });
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

/** The served config without its key: only what is under HOME (and `ssh`) can log in. */
function withoutKey(ssh: Partial<SshConfig> = {}): Config {
  const { privateKeyPath: _, ...base } = served.config.defaults?.ssh ?? {};
  return { ...served.config, defaults: { ssh: { ...base, agent: false, ...ssh } } };
}

async function scanD1(config: Config, env: Record<string, string> = {}) {
  const snapshot = await scanToSnapshot(config, {
    now: new Date('2026-11-22'),
    env: { HOME: home, ...env },
    connectTimeoutSeconds: 2,
    retryDelaysMs: [],
  });
  return snapshot.clusters[0]?.nodes[0];
}

const writeKey = (name: string, text = SIM_CLIENT_KEY) =>
  writeFileSync(join(sshDir, name), text, { mode: 0o600 });

describe("OpenSSH's default key files", () => {
  it('a key at $HOME/.ssh/id_ed25519 logs in when no key is configured', async () => {
    await expect(scanD1(withoutKey())).rejects.toThrow(/^no way to log in/);
    writeKey('id_ed25519');
    expect(await scanD1(withoutKey())).toMatchObject({ error: null, facts: { release: '2022' } });
  });

  it('are tried in the order ssh -G lists them; missing and unusable files are skipped', async () => {
    const rsa = generateKey(sshDir, 'id_rsa', 'rsa', 'secret');
    const ecdsa = generateKey(sshDir, 'id_ecdsa', 'ecdsa');
    generateKey(sshDir, 'id_ed25519_sk', 'ed25519', 'another passphrase');
    writeKey('id_dsa', 'not a key\n');
    writeKey('id_ed25519');
    const resolver = new SshResolver({ HOME: home, AVMA_TEST_PASSPHRASE: 'secret' }, {});
    const ssh = { configFile: 'none', agent: false, passphraseEnv: 'AVMA_TEST_PASSPHRASE' } as const;
    const settings = await resolver.resolve([ssh], 'D1');
    expect(settings.identities.map((identity) => identity.path)).toEqual([
      rsa.path,
      ecdsa.path,
      join(sshDir, 'id_ed25519'),
    ]);
    expect(await scanD1(withoutKey(ssh), { AVMA_TEST_PASSPHRASE: 'secret' })).toMatchObject({ error: null });
  });

  it('an encrypted default key with no passphrase and no agent is named when nothing else can log in', async () => {
    writeKey('id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'secret', '-f', join(sshDir, 'id_ed25519')]);
    const error = await scanD1(withoutKey()).catch((e: UserError) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(
        `^no way to log in \\(OpenSSH's default key files could not be used: .*${join(sshDir, 'id_ed25519')} is encrypted`,
      ),
    );
    expect((error as UserError).hint).toMatch(/ssh\.passphraseEnv/);
    const withPassphrase = withoutKey({ passphraseEnv: 'AVMA_TEST_PASSPHRASE' });
    expect(await scanD1(withPassphrase, { AVMA_TEST_PASSPHRASE: 'secret' })).toMatchObject({ error: null });
    // Passed over, as ssh does without a terminal, when another default key logs in.
    writeKey('id_ecdsa');
    expect(await scanD1(withoutKey())).toMatchObject({ error: null });
  });

  it('are not tried when the OpenSSH config names an IdentityFile, as ssh does', async () => {
    writeKey('id_ed25519');
    const configFile = join(home, 'ssh_config');
    writeFileSync(configFile, `Host *\n  IdentityFile ${join(home, 'missing_key')}\n`);
    await expect(scanD1(withoutKey({ configFile }))).rejects.toThrow(/^no way to log in/);
  });
});
