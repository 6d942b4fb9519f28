// Host keys with OpenSSH's semantics, against simulated nodes on loopback: a key of another type than the one on
// record is a changed key, recorded types are asked for first, fingerprints are shown, the system's known_hosts
// files count, and a known_hosts path that cannot be read stops the run before any node is contacted.
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/config/user-error.js';
import { fingerprint } from '../../src/scan/fingerprint.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SIM_HOST_KEY_A, SIM_HOST_KEY_A_PUBLIC } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { serveSpec } from '../../src/sim/serve-spec.js';
import { generateKey } from '../helpers/keys.js';
import { nodeOf, simScan } from '../helpers/sim-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-hostkeys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rsa = generateKey(dir, 'host_rsa', 'rsa');
const A = Buffer.from(SIM_HOST_KEY_A_PUBLIC.split(' ')[1] ?? '', 'base64');

const ONE: SimClusterSpec = {
  name: 'one',
  hosts: [{ name: 'N1', release: '2022', edition: 'Datacenter' }],
  vms: [],
};
const NOW = new Date('2026-11-22T00:00:00.000Z');
const options = { now: NOW, env: {}, connectTimeoutSeconds: 2, retryDelaysMs: [] };

describe('host keys', () => {
  it('an ed25519 key on record and an RSA key presented is a CHANGED key, never trusted on first use', async () => {
    const result = await simScan(
      ONE,
      { firstOctet: 130, faults: { N1: { hostKeys: [rsa.privateKey] } } },
      { acceptNewHostKeys: true },
    );
    const error = nodeOf(result, 'N1')?.error;
    expect(error?.kind).toBe('host-key');
    expect(error?.message).toContain('HAS CHANGED');
    expect(error?.message).toContain(`it presented ${fingerprint(rsa.blob)}`);
    expect(error?.message).toMatch(/known_hosts records 256 SHA256:\S+ \(ED25519\) at .*known_hosts:1/);
    expect(result.knownHosts).not.toContain('ssh-rsa');
  });

  it('a node with ed25519 and RSA keys whose RSA key alone is recorded is asked for that key', async () => {
    const served = await serveSpec(ONE, {
      firstOctet: 131,
      faults: { N1: { hostKeys: [SIM_HOST_KEY_A, rsa.privateKey] } },
    });
    try {
      const node = served.sim.nodes[0];
      writeFileSync(served.knownHostsPath, `[${node?.host}]:${node?.port} ${rsa.publicKey}\n`);
      const snapshot = await scanToSnapshot(served.config, { ...options, systemKnownHostsPaths: [] });
      expect(snapshot.clusters[0]?.nodes[0]).toMatchObject({ error: null, facts: { release: '2022' } });
    } finally {
      await served.close();
    }
  });

  it('an unknown key is reported with its fingerprint, as ssh-keygen -lf prints it', async () => {
    const result = await simScan(ONE, { firstOctet: 132, unknownHostKeys: ['N1'] });
    const error = nodeOf(result, 'N1')?.error;
    expect(error?.message).toMatch(/^the host key of \[127\.0\.0\.132\]:\d+ is not in known_hosts/);
    expect(error?.message).toContain(`it presented ${fingerprint(A)}`);
    expect(fingerprint(A)).toMatch(/^256 SHA256:[A-Za-z0-9+/]{43} \(ED25519\)$/);
    expect(error?.hint).toContain('ssh-keygen -lf $env:ProgramData\\ssh\\ssh_host_ed25519_key.pub');
  });

  it("reads the system's known_hosts and known_hosts2 beside the user's file; records only in the user's", async () => {
    const served = await serveSpec(
      {
        ...ONE,
        hosts: [
          ...ONE.hosts,
          { name: 'N2', release: '2019', edition: 'Datacenter' },
          { name: 'N3', release: '2019', edition: 'Datacenter' },
        ],
      },
      { firstOctet: 133, unknownHostKeys: ['N1', 'N2', 'N3'] },
    );
    try {
      const [n1, n2] = served.sim.nodes;
      const system = join(served.dir, 'ssh_known_hosts');
      writeFileSync(system, `[${n1?.host}]:${n1?.port} ${SIM_HOST_KEY_A_PUBLIC}\n`);
      writeFileSync(`${served.knownHostsPath}2`, `[${n2?.host}]:${n2?.port} ${SIM_HOST_KEY_A_PUBLIC}\n`);
      const strict = await scanToSnapshot(served.config, {
        ...options,
        systemKnownHostsPaths: [system, join(served.dir, 'missing')],
      });
      expect(strict.clusters[0]?.nodes.map((n) => n.error?.kind ?? 'ok')).toEqual(['ok', 'ok', 'host-key']);
      const systemBefore = readFileSync(system, 'utf8');
      const tofu = await scanToSnapshot(served.config, {
        ...options,
        acceptNewHostKeys: true,
        systemKnownHostsPaths: [system],
      });
      expect(tofu.clusters[0]?.nodes.map((n) => n.error?.kind ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
      expect(readFileSync(system, 'utf8')).toBe(systemBefore);
      expect(readFileSync(served.knownHostsPath, 'utf8').trim().split('\n')).toEqual([
        expect.stringMatching(/^\[127\.0\.0\.135\]:\d+ ssh-ed25519 /),
      ]);
    } finally {
      await served.close();
    }
  });

  it('--accept-new-host-keys creates missing directories 0700 and the file 0600', async () => {
    const served = await serveSpec(ONE, { firstOctet: 136, unknownHostKeys: ['N1'] });
    try {
      const home = join(served.dir, 'home');
      mkdirSync(home, { mode: 0o755 });
      const knownHostsPath = join(home, '.ssh', 'known_hosts');
      const ssh = { ...served.config.defaults?.ssh, knownHostsPath };
      const snapshot = await scanToSnapshot(
        { ...served.config, defaults: { ssh } },
        { ...options, acceptNewHostKeys: true, systemKnownHostsPaths: [] },
      );
      expect(snapshot.clusters[0]?.nodes[0]?.error).toBeNull();
      expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
      expect(statSync(knownHostsPath).mode & 0o777).toBe(0o600);
    } finally {
      await served.close();
    }
  });

  it('a known_hosts path that is a directory is a usage error of the run, before any node is contacted', async () => {
    const served = await serveSpec(ONE, { firstOctet: 137 });
    try {
      const ssh = { ...served.config.defaults?.ssh, knownHostsPath: served.dir };
      const scan = scanToSnapshot(
        { ...served.config, defaults: { ssh } },
        { ...options, systemKnownHostsPaths: [] },
      );
      await expect(scan).rejects.toThrow(UserError);
      await expect(scan).rejects.toThrow(`cannot read the known_hosts file ${served.dir}: it is a directory`);
      expect(served.sim.connections()).toBe(0);
    } finally {
      await served.close();
    }
  });

  it('honours hashed entries and @revoked through a scan; a second --accept-new-host-keys run adds no line', async () => {
    const three = {
      ...ONE,
      hosts: [
        ...ONE.hosts,
        ...['N2', 'N3'].map((name) => ({ name, release: '2019' as const, edition: 'Datacenter' as const })),
      ],
    };
    const served = await serveSpec(three, { firstOctet: 138, unknownHostKeys: ['N1', 'N2', 'N3'] });
    try {
      const [n1, n2] = served.sim.nodes.map((n) => `[${n.host}]:${n.port}`);
      const salt = Buffer.from('avma-check-test-salt');
      const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt)
        .update(n1 ?? '')
        .digest('base64')}`;
      const key = SIM_HOST_KEY_A_PUBLIC.split(' ').slice(0, 2).join(' ');
      writeFileSync(served.knownHostsPath, `${hashed} ${key}\n@revoked ${n2} ${key}\n`);
      const scan = () =>
        scanToSnapshot(served.config, { ...options, acceptNewHostKeys: true, systemKnownHostsPaths: [] });
      const first = await scan();
      expect(first.clusters[0]?.nodes.map((n) => n.error?.kind ?? 'ok')).toEqual(['ok', 'host-key', 'ok']);
      expect(first.clusters[0]?.nodes[1]?.error?.message).toMatch(/is marked @revoked in known_hosts/);
      const after = readFileSync(served.knownHostsPath, 'utf8');
      // N3 recorded once; the hashed N1 is not recorded again in plain text, and the revoked N2 never.
      expect(after.split('\n').filter(Boolean)).toEqual([
        `${hashed} ${key}`,
        `@revoked ${n2} ${key}`,
        expect.stringMatching(/^\[127\.0\.0\.140\]:\d+ ssh-ed25519 /),
      ]);
      expect((await scan()).clusters[0]?.nodes.map((n) => n.error?.kind ?? 'ok')).toEqual([
        'ok',
        'host-key',
        'ok',
      ]);
      expect(readFileSync(served.knownHostsPath, 'utf8')).toBe(after);
    } finally {
      await served.close();
    }
  });
});
