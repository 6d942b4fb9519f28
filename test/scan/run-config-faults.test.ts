// Faults of the whole run's configuration are one usage error (UserError, exit code 2) before any node is
// contacted, naming the file and what is wrong, and never a secret; and an encrypted key is decrypted once per
// run, however many nodes and retries use it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SshConfig } from '../../src/config/schema.js';
import { UserError } from '../../src/config/user-error.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SIM_CLIENT_KEY, SIM_CLIENT_KEY_PUBLIC } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';

const PASSPHRASE = 'correct horse battery staple';
const spec: SimClusterSpec = {
  name: 'many',
  hosts: Array.from({ length: 12 }, (_, i) => ({
    name: `K${i}`,
    release: '2022' as const,
    edition: 'Datacenter' as const,
  })),
  vms: [],
};

let served: ServedCluster;
let dir = '';
let encrypted = '';

beforeAll(async () => {
  served = await serveSpec(spec, { firstOctet: 220, faults: { K11: { fault: 'refuse' } } });
  dir = mkdtempSync(join(tmpdir(), 'avma-keys-'));
  encrypted = join(dir, 'client_encrypted');
  writeFileSync(encrypted, SIM_CLIENT_KEY, { mode: 0o600 });
  // Encrypted as ssh-keygen does by default (bcrypt_pbkdf, 16 rounds).
  execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', PASSPHRASE, '-f', encrypted]);
});

afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

const options = {
  now: new Date('2026-11-22'),
  env: { AVMA_PASS: PASSPHRASE },
  systemKnownHostsPaths: [],
  retryDelaysMs: [0, 0],
};

function withSsh(ssh: Partial<SshConfig>) {
  return { ...served.config, defaults: { ssh: { ...served.config.defaults?.ssh, ...ssh } } };
}

describe('an encrypted private key', () => {
  it('is decrypted once for every node and retry of the run', async () => {
    const parseKey = vi.spyOn(ssh2.utils, 'parseKey');
    try {
      const snapshot = await scanToSnapshot(
        withSsh({ privateKeyPath: encrypted, passphraseEnv: 'AVMA_PASS' }),
        options,
      );
      const nodes = snapshot.clusters[0]?.nodes ?? [];
      expect(nodes.filter((n) => n.error === null)).toHaveLength(11);
      expect(nodes.find((n) => n.name === 'K11')?.error?.kind).toBe('unreachable');
      const decryptions = parseKey.mock.calls.filter(([, passphrase]) => passphrase === PASSPHRASE);
      expect(decryptions).toHaveLength(1);
    } finally {
      parseKey.mockRestore();
    }
  });
});

describe('run-wide configuration faults', () => {
  const cases: {
    what: string;
    ssh: () => Partial<SshConfig>;
    env?: Record<string, string>;
    message: RegExp;
  }[] = [
    {
      what: 'a missing private key',
      ssh: () => ({ privateKeyPath: join(dir, 'nope') }),
      message: /^cannot read the private key .*\/nope: no such file$/,
    },
    {
      what: 'a private key path that is a directory',
      ssh: () => ({ privateKeyPath: dir }),
      message: /^cannot read the private key .*: it is a directory$/,
    },
    {
      what: 'a file that is not a key',
      ssh: () => {
        writeFileSync(join(dir, 'garbage'), 'not a key\n');
        return { privateKeyPath: join(dir, 'garbage') };
      },
      message: /garbage is not a private key avma-check can use/,
    },
    {
      what: 'a public key',
      ssh: () => {
        writeFileSync(join(dir, 'id.pub'), `${SIM_CLIENT_KEY_PUBLIC}\n`);
        return { privateKeyPath: join(dir, 'id.pub') };
      },
      message: /id\.pub is a public key/,
    },
    {
      what: 'an encrypted key without a passphrase',
      ssh: () => ({ privateKeyPath: encrypted }),
      message: /^the private key .*client_encrypted is encrypted, and no passphrase was given$/,
    },
    {
      what: 'a wrong passphrase',
      ssh: () => ({ privateKeyPath: encrypted, passphraseEnv: 'AVMA_PASS' }),
      env: { AVMA_PASS: 'Wrong-Passphrase-1' },
      message: /^the passphrase in \$AVMA_PASS does not decrypt the private key .*client_encrypted$/,
    },
    {
      what: 'an OpenSSH config that cannot be parsed',
      ssh: () => {
        writeFileSync(join(dir, 'ssh_config'), 'Host node\n  HostName "unterminated\n');
        return { configFile: join(dir, 'ssh_config') };
      },
      message: /^cannot parse the OpenSSH config .*ssh_config: /,
    },
    {
      what: 'an OpenSSH config with a bad value',
      ssh: () => {
        writeFileSync(join(dir, 'ssh_config_port'), 'Host *\n  Port twenty-two\n');
        return { configFile: join(dir, 'ssh_config_port') };
      },
      message: /ssh_config_port: Port "twenty-two" is not a port number/,
    },
    {
      what: 'a ProxyJump loop in the OpenSSH config',
      ssh: () => {
        writeFileSync(join(dir, 'ssh_config_loop'), 'Host *\n  ProxyJump bastion\n');
        return { configFile: join(dir, 'ssh_config_loop') };
      },
      message:
        /^ProxyJump for 127\.0\.0\.220 leads through more than 8 jump hosts \(127\.0\.0\.220 via bastion via bastion/,
    },
    {
      what: 'a named OpenSSH config that does not exist',
      ssh: () => ({ configFile: join(dir, 'missing_config') }),
      message: /^cannot read the OpenSSH config .*missing_config: no such file$/,
    },
  ];

  it.each(cases)('$what', async ({ ssh, env, message }) => {
    mkdirSync(dir, { recursive: true });
    const before = served.sim.connections();
    const run = scanToSnapshot(withSsh(ssh()), { ...options, env: env ?? options.env });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect(`${(error as UserError).message} ${(error as UserError).hint}`).not.toMatch(
      /Wrong-Passphrase|correct horse/,
    );
    expect(served.sim.connections()).toBe(before);
  });
});
