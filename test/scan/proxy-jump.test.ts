// ProxyJump from the user's OpenSSH config, through real jump hosts on loopback: Debian's sshd, and ssh2 servers
// that forward (or refuse to). Every hop's host key is checked; errors name the hop that failed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { fingerprint } from '../../src/scan/fingerprint.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import {
  SIM_CLIENT_KEY,
  SIM_HOST_KEY_A_PUBLIC,
  SIM_HOST_KEY_B,
  SIM_HOST_KEY_B_PUBLIC,
  SIM_USERNAME,
} from '../../src/sim/keys.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { type SimCluster, startSimCluster } from '../../src/sim/sim-cluster.js';
import { type JumpServer, startJumpServer } from '../helpers/jump-server.js';
import { type GeneratedKey, generateKey } from '../helpers/keys.js';
import { freePort, type Sshd, startSshd } from '../helpers/sshd.js';

const spec: SimClusterSpec = {
  name: 'far',
  hosts: [{ name: 'HV1', release: '2022', edition: 'Datacenter' }],
  vms: [],
};
const document = hostDocument(spec, spec.hosts[0] as never);

let dir = '';
let jumpKey: GeneratedKey;
let node: SimCluster;
let silent: SimCluster;
let jump1: Sshd;
let jump3: Sshd;
let jump2: JumpServer;
let jump4: JumpServer;
let closedPort = 0;
let sshConfig = '';

const blob = (line: string) => Buffer.from(line.split(' ')[1] ?? '', 'base64');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avma-jump-'));
  writeFileSync(join(dir, 'client_key'), SIM_CLIENT_KEY, { mode: 0o600 });
  jumpKey = generateKey(dir, 'jump_key', 'ed25519');
  node = await startSimCluster([{ name: 'HV1', document }], { firstOctet: 240 });
  silent = await startSimCluster([{ name: 'HV9', document, fault: 'silent' }], { firstOctet: 245 });
  jump1 = await startSshd({ host: '127.0.0.241', authorizedKeys: [jumpKey.publicKey] });
  jump3 = await startSshd({
    host: '127.0.0.242',
    authorizedKeys: [jumpKey.publicKey],
    extra: ['AllowTcpForwarding no'],
  });
  const jumpServer = { hostKey: SIM_HOST_KEY_B, clientKeyPublic: jumpKey.publicKey };
  jump2 = await startJumpServer({ host: '127.0.0.243', ...jumpServer, forward: true });
  jump4 = await startJumpServer({ host: '127.0.0.244', ...jumpServer, forward: false });
  closedPort = await freePort('127.0.0.240');
  const target = node.nodes[0];
  const via = (name: string, host: string, port: number, jumps: string) =>
    `Host ${name}\n  HostName ${host}\n  Port ${port}\n  ProxyJump ${jumps}\n`;
  const jump = (name: string, host: string, port: number, user: string, key: string) =>
    `Host ${name}\n  HostName ${host}\n  Port ${port}\n  User ${user}\n  IdentityFile ${key}\n  IdentitiesOnly yes\n`;
  sshConfig = join(dir, 'ssh_config');
  writeFileSync(
    sshConfig,
    [
      via('hv1', '127.0.0.240', target?.port ?? 0, 'jump1'),
      via('hv-chain', '127.0.0.240', target?.port ?? 0, 'jump2,jump1'),
      via('hv-closed', '127.0.0.240', closedPort, 'jump1'),
      via('hv-silent', '127.0.0.245', silent.nodes[0]?.port ?? 0, 'jump1'),
      via('hv-refused', '127.0.0.240', target?.port ?? 0, 'jump3'),
      via('hv-refused2', '127.0.0.240', target?.port ?? 0, 'jump4'),
      via('hv-jump-down', '127.0.0.240', target?.port ?? 0, `${jump1.user}@127.0.0.246:${closedPort}`),
      via('hv-jump-auth', '127.0.0.240', target?.port ?? 0, 'jump-wrong-key'),
      jump('jump1', jump1.host, jump1.port, jump1.user, jumpKey.path),
      jump('jump2', jump2.host, jump2.port, 'any', jumpKey.path),
      jump('jump3', jump3.host, jump3.port, jump3.user, jumpKey.path),
      jump('jump4', jump4.host, jump4.port, 'any', jumpKey.path),
      jump('jump-wrong-key', jump1.host, jump1.port, jump1.user, join(dir, 'client_key')),
    ].join(''),
  );
});

afterAll(async () => {
  await Promise.all([node.close(), silent.close(), jump1.stop(), jump3.stop(), jump2.close(), jump4.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function knownHosts(jump1Key = jump1.hostKey): string {
  const target = node.nodes[0];
  const path = join(dir, `known_hosts_${Math.random().toString(36).slice(2)}`);
  const lines = [
    `[127.0.0.240]:${target?.port} ${SIM_HOST_KEY_A_PUBLIC}`,
    `[127.0.0.245]:${silent.nodes[0]?.port} ${SIM_HOST_KEY_A_PUBLIC}`,
    `[${jump1.host}]:${jump1.port} ${jump1Key}`,
    `[${jump3.host}]:${jump3.port} ${jump3.hostKey}`,
    `[${jump2.host}]:${jump2.port} ${SIM_HOST_KEY_B_PUBLIC}`,
    `[${jump4.host}]:${jump4.port} ${SIM_HOST_KEY_B_PUBLIC}`,
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function scanHost(host: string, knownHostsPath = knownHosts()) {
  const config = configSchema.parse({
    defaults: {
      ssh: {
        username: SIM_USERNAME,
        privateKeyPath: join(dir, 'client_key'),
        knownHostsPath,
        agent: false,
        configFile: sshConfig,
        connectTimeoutSeconds: 1,
      },
    },
    clusters: [{ name: 'far', nodes: [{ name: 'HV1', host }] }],
  });
  const snapshot = await scanToSnapshot(config, {
    now: new Date('2026-11-22'),
    env: {},
    systemKnownHostsPaths: [],
    retryDelaysMs: [],
  });
  return snapshot.clusters[0]?.nodes[0];
}

describe('ProxyJump', () => {
  it('reaches a node through a real sshd jump host', async () => {
    expect(await scanHost('hv1')).toMatchObject({ error: null, facts: { release: '2022' } });
    expect(jump1.log()).toMatch(new RegExp(`target 127\\.0\\.0\\.240 port ${node.nodes[0]?.port}`));
  });

  it('reaches a node through a chain of two jump hosts, in order', async () => {
    const before = jump2.forwards.length;
    expect(await scanHost('hv-chain')).toMatchObject({ error: null, facts: { release: '2022' } });
    expect(jump2.forwards.slice(before)).toEqual([`${jump1.host}:${jump1.port}`]);
  });

  it("fails on a jump host whose key is unknown, naming it and showing the key's fingerprint", async () => {
    const path = join(dir, 'known_hosts_node_only');
    writeFileSync(path, `[127.0.0.240]:${node.nodes[0]?.port} ${SIM_HOST_KEY_A_PUBLIC}\n`);
    const failed = await scanHost('hv1', path);
    expect(failed?.error?.kind).toBe('host-key');
    expect(failed?.error?.message).toBe(
      `the host key of jump host jump1 ([127.0.0.241]:${jump1.port}) is not in known_hosts: it presented ${fingerprint(blob(jump1.hostKey))}`,
    );
  });

  it('fails on a jump host whose key changed, naming it', async () => {
    const failed = await scanHost('hv1', knownHosts(SIM_HOST_KEY_B_PUBLIC));
    expect(failed?.error?.kind).toBe('host-key');
    expect(failed?.error?.message).toMatch(
      new RegExp(
        `^THE HOST KEY OF jump host jump1 \\(\\[127\\.0\\.0\\.241\\]:${jump1.port}\\) HAS CHANGED: it presented 256 SHA256:`,
      ),
    );
  });

  it.each([
    ['an sshd with AllowTcpForwarding no', 'hv-refused', 'jump3', () => jump3.port],
    ['an ssh2 server that does not forward', 'hv-refused2', 'jump4', () => jump4.port],
  ])('fails clearly when the jump host is %s', async (_what, host, name, port) => {
    const failed = await scanHost(host);
    expect(failed?.error?.kind).toBe('unreachable');
    expect(failed?.error?.message).toMatch(
      new RegExp(
        `^jump host ${name} \\(127\\.0\\.0\\.24\\d:${port()}\\) refused to forward a connection to 127\\.0\\.0\\.240:\\d+ \\(administratively prohibited\\)$`,
      ),
    );
    expect(failed?.error?.hint).toMatch(/AllowTcpForwarding yes/);
  });

  it('classifies failures behind and at the jump host', async () => {
    expect((await scanHost('hv-closed'))?.error).toMatchObject({
      kind: 'unreachable',
      message: `jump host jump1 (127.0.0.241:${jump1.port}) could not connect to 127.0.0.240:${closedPort}`,
      hint: expect.stringContaining(`allow TCP port ${closedPort}?`),
    });
    expect((await scanHost('hv-silent'))?.error).toMatchObject({
      kind: 'timeout',
      message: `no SSH handshake from 127.0.0.245:${silent.nodes[0]?.port} within 1 s`,
    });
    expect((await scanHost('hv-jump-down'))?.error).toMatchObject({
      kind: 'unreachable',
      message: `connection refused by jump host 127.0.0.246 (127.0.0.246:${closedPort})`,
    });
    expect((await scanHost('hv-jump-auth'))?.error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(
        /^jump host jump-wrong-key \(127\.0\.0\.241:\d+\) refused the login of user \w+/,
      ),
    });
  });
});
