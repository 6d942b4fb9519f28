// A scan honours the user's OpenSSH config for what clusters.yaml leaves out, and clusters.yaml wins where both
// say something.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type SshConfig } from '../../src/config/schema.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SIM_CLIENT_KEY, SIM_HOST_KEY_A_PUBLIC, SIM_USERNAME } from '../../src/sim/keys.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { type SimCluster, startSimCluster } from '../../src/sim/sim-cluster.js';
import { generateKey } from '../helpers/keys.js';
import { freePort } from '../helpers/sshd.js';

const spec: SimClusterSpec = {
  name: 'cfg',
  hosts: [{ name: 'HV1', release: '2016', edition: 'Datacenter' }],
  vms: [],
};
let dir = '';
let sim: SimCluster;
let sshConfig = '';
let knownHostsPath = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avma-sshcfg-scan-'));
  sim = await startSimCluster([{ name: 'HV1', document: hostDocument(spec, spec.hosts[0] as never) }], {
    firstOctet: 250,
  });
  const node = sim.nodes[0];
  writeFileSync(join(dir, 'client_key'), SIM_CLIENT_KEY, { mode: 0o600 });
  const wrong = generateKey(dir, 'wrong_key', 'ed25519');
  sshConfig = join(dir, 'config');
  writeFileSync(
    sshConfig,
    `Host hv-alias\n  HostName 127.0.0.250\n  Port ${node?.port}\n  User ${SIM_USERNAME}\n  IdentityFile ${join(dir, 'client_key')}\n` +
      `Host hv-wrong\n  HostName 127.0.0.250\n  Port ${node?.port}\n  User nobody\n  IdentityFile ${wrong.path}\n`,
  );
  knownHostsPath = join(dir, 'known_hosts');
  writeFileSync(knownHostsPath, `[127.0.0.250]:${node?.port} ${SIM_HOST_KEY_A_PUBLIC}\n`);
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scanHost(host: string, ssh: Partial<SshConfig>) {
  const config = configSchema.parse({
    defaults: {
      ssh: { knownHostsPath, agent: false, configFile: sshConfig, connectTimeoutSeconds: 1, ...ssh },
    },
    clusters: [{ name: 'cfg', nodes: [{ name: 'HV1', host }] }],
  });
  const snapshot = await scanToSnapshot(config, {
    now: new Date('2026-11-22'),
    env: {},
    systemKnownHostsPaths: [],
    retryDelaysMs: [],
  });
  return snapshot.clusters[0]?.nodes[0];
}

describe('OpenSSH config in a scan', () => {
  it('takes HostName, Port, User and IdentityFile for a host alias', async () => {
    expect(await scanHost('hv-alias', {})).toMatchObject({
      host: 'hv-alias',
      error: null,
      facts: { release: '2016' },
    });
  });

  it('clusters.yaml wins: its username and key over User and IdentityFile, its port over Port', async () => {
    const wrong = await scanHost('hv-wrong', {});
    expect(wrong?.error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/refused the login of user nobody/),
    });
    const fixed = await scanHost('hv-wrong', {
      username: SIM_USERNAME,
      privateKeyPath: join(dir, 'client_key'),
    });
    expect(fixed?.error).toBeNull();
    const closed = await freePort('127.0.0.250');
    const port = await scanHost('hv-alias', { port: closed });
    expect(port?.error).toMatchObject({
      kind: 'unreachable',
      message: `connection refused by 127.0.0.250:${closed}`,
    });
  });

  it('ssh.configFile: none leaves the OpenSSH config out', async () => {
    const none = await scanHost('hv-alias', {
      configFile: 'none',
      username: SIM_USERNAME,
      privateKeyPath: join(dir, 'client_key'),
    });
    expect(none?.error).toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/cannot resolve hv-alias/),
    });
  });
});
