// A node that lies about its cluster names a host to log into. With discover, that host must never get the
// password and never have its host key trusted on first use, unless the config opts in for discovery.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import {
  SIM_CLIENT_KEY,
  SIM_HOST_KEY_A_PUBLIC,
  SIM_HOST_KEY_B,
  SIM_HOST_KEY_B_PUBLIC,
  SIM_PASSWORD,
  SIM_USERNAME,
} from '../../src/sim/keys.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { type SimCluster, startSimCluster } from '../../src/sim/sim-cluster.js';
import { type RecordingServer, startRecordingServer } from '../helpers/recording-server.js';

const LIAR = '127.0.0.211';
// The seed's cluster probe names a second member: the address of a host that collects logins.
const spec: SimClusterSpec = {
  name: 'lab',
  hosts: [
    { name: 'SEED', release: '2022', edition: 'Datacenter' },
    { name: LIAR, release: '2022', edition: 'Datacenter' },
  ],
  vms: [],
};

let dir = '';
let seed: SimCluster;
let collector: RecordingServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avma-discover-'));
  writeFileSync(join(dir, 'client_key'), SIM_CLIENT_KEY, { mode: 0o600 });
  seed = await startSimCluster([{ name: 'SEED', document: hostDocument(spec, spec.hosts[0] as never) }], {
    firstOctet: 210,
  });
  collector = await startRecordingServer(LIAR, SIM_HOST_KEY_B);
});

afterAll(async () => {
  await seed.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(discover: unknown, login: 'password' | 'key', collectorKnown: boolean) {
  const knownHostsPath = join(dir, `known_hosts_${Math.random().toString(36).slice(2)}`);
  const [node] = seed.nodes;
  const lines = [`[${node?.host}]:${node?.port} ${SIM_HOST_KEY_A_PUBLIC}`];
  if (collectorKnown) lines.push(`[${LIAR}]:${collector.port} ${SIM_HOST_KEY_B_PUBLIC}`);
  writeFileSync(knownHostsPath, `${lines.join('\n')}\n`);
  const config = configSchema.parse({
    defaults: {
      ssh: {
        username: SIM_USERNAME,
        port: collector.port,
        knownHostsPath,
        agent: false,
        configFile: 'none',
        ...(login === 'password' ? { passwordEnv: 'AVMA_PW' } : { privateKeyPath: join(dir, 'client_key') }),
      },
    },
    clusters: [
      { name: 'lab', discover, nodes: [{ name: 'SEED', host: node?.host, ssh: { port: node?.port } }] },
    ],
  });
  return { config, knownHostsPath };
}

const options = {
  now: new Date('2026-11-22'),
  env: { AVMA_PW: SIM_PASSWORD },
  systemKnownHostsPaths: [],
  retryDelaysMs: [],
};

describe('discovery trust', () => {
  it('never sends the password to a discovered node, and says why and how to opt in', async () => {
    const before = { connections: collector.connections, passwords: collector.passwords.length };
    const { config } = setup(true, 'password', true);
    const snapshot = await scanToSnapshot(config, options);
    const nodes = snapshot.clusters[0]?.nodes ?? [];
    expect(nodes.find((n) => n.name === 'SEED')?.error).toBeNull();
    const liar = nodes.find((n) => n.name === LIAR);
    expect(liar?.error?.kind).toBe('auth');
    expect(liar?.error?.message).toMatch(/the SSH password was not sent to it/);
    expect(liar?.error?.message).toMatch(/discover: \{ enabled: true, sendPassword: true \} on cluster lab/);
    expect(collector.passwords.length).toBe(before.passwords);
    expect(collector.connections).toBe(before.connections);
  });

  it('sends it when the config says so for discovery (the server does record what it gets)', async () => {
    const { config } = setup({ enabled: true, sendPassword: true }, 'password', true);
    await scanToSnapshot(config, options);
    expect(collector.passwords).toContain(SIM_PASSWORD);
  });

  it('never trusts a discovered host key on first use, even with --accept-new-host-keys', async () => {
    const keysBefore = collector.publicKeys;
    const { config, knownHostsPath } = setup(true, 'key', false);
    const before = readFileSync(knownHostsPath, 'utf8');
    const snapshot = await scanToSnapshot(config, { ...options, acceptNewHostKeys: true });
    const liar = snapshot.clusters[0]?.nodes.find((n) => n.name === LIAR);
    expect(liar?.error?.kind).toBe('host-key');
    expect(liar?.error?.message).toMatch(/is not in known_hosts: it presented 256 SHA256:\S+ \(ED25519\)/);
    expect(liar?.error?.hint).toMatch(
      /--accept-new-host-keys does not record it: 127\.0\.0\.211 was discovered/,
    );
    expect(readFileSync(knownHostsPath, 'utf8')).toBe(before);
    // The handshake was refused before any login: the host never saw a key either.
    expect(collector.publicKeys).toBe(keysBefore);
  });

  it('records it with --accept-new-host-keys when the config says so for discovery', async () => {
    const { config, knownHostsPath } = setup({ enabled: true, acceptNewHostKeys: true }, 'key', false);
    await scanToSnapshot(config, { ...options, acceptNewHostKeys: true });
    expect(readFileSync(knownHostsPath, 'utf8')).toContain(`[${LIAR}]:${collector.port} ssh-ed25519 `);
  });
});
