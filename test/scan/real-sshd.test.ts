// The client against the server admins actually run: Debian's OpenSSH sshd on loopback, answering through a
// ForceCommand as a Windows node would (.ci/run installs openssh-server).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { COLLECTOR_STDIN, REMOTE_COMMAND } from '../../src/scan/collector-script.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { CLIXML_PROGRESS } from '../../src/sim/faults.js';
import {
  SIM_CLIENT_KEY,
  SIM_CLIENT_KEY_PUBLIC,
  SIM_HOST_KEY_A,
  SIM_HOST_KEY_A_PUBLIC,
  SIM_HOST_KEY_B_PUBLIC,
} from '../../src/sim/keys.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { resultText } from '../../src/sim/sim-cluster.js';
import { type Sshd, startSshd } from '../helpers/sshd.js';

const HOST = '127.0.0.9';
const spec: SimClusterSpec = {
  name: 'real',
  hosts: [{ name: 'REAL01', release: '2025', edition: 'Datacenter' }],
  vms: [{ name: 'vm-ü1', owner: 'REAL01', guest: { release: '2022', edition: 'Standard' } }],
};

let dir = '';
let port = 0;
let sshd: Sshd | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avma-check-sshd-'));
  writeFileSync(join(dir, 'client_key'), SIM_CLIENT_KEY, { mode: 0o600 });
  const answer = {
    command: REMOTE_COMMAND,
    stdinSha256: createHash('sha256').update(COLLECTOR_STDIN).digest('hex'),
    stderr: CLIXML_PROGRESS,
    stdout: resultText(hostDocument(spec, spec.hosts[0] ?? ({} as never))),
  };
  writeFileSync(join(dir, 'answer.json'), JSON.stringify(answer));
  writeFileSync(
    join(dir, 'answer.mjs'),
    `import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const answer = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'answer.json'))}, 'utf8'));
if (process.env.SSH_ORIGINAL_COMMAND !== answer.command) { process.stderr.write('unexpected command'); process.exit(9); }
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
if (createHash('sha256').update(Buffer.concat(chunks)).digest('hex') !== answer.stdinSha256) { process.stderr.write('stdin is not the collector'); process.exit(8); }
process.stderr.write(answer.stderr);
process.stdout.write(answer.stdout);
`,
  );
  writeFileSync(join(dir, 'answer.sh'), `#!/bin/sh\nexec ${process.execPath} ${join(dir, 'answer.mjs')}\n`, {
    mode: 0o755,
  });
  sshd = await startSshd({
    host: HOST,
    authorizedKeys: [SIM_CLIENT_KEY_PUBLIC],
    hostKey: SIM_HOST_KEY_A,
    rsaHostKey: true,
    extra: [`ForceCommand ${join(dir, 'answer.sh')}`],
  });
  port = sshd.port;
});

afterAll(async () => {
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function config(knownHostKey: string, knownHosts = `[${HOST}]:${port} ${knownHostKey}\n`) {
  const knownHostsPath = join(dir, `known_hosts_${knownHostKey === SIM_HOST_KEY_A_PUBLIC ? 'a' : 'b'}`);
  writeFileSync(knownHostsPath, knownHosts);
  return configSchema.parse({
    defaults: {
      ssh: {
        username: userInfo().username,
        port,
        privateKeyPath: join(dir, 'client_key'),
        knownHostsPath,
        agent: false,
        configFile: 'none',
      },
    },
    clusters: [{ name: 'real', nodes: [{ name: 'REAL01', host: HOST }] }],
  });
}

describe('against a real OpenSSH sshd', () => {
  it('reads a node: verified host key, key auth, the collector on stdin, CLIXML on stderr ignored', async () => {
    const snapshot = await scanToSnapshot(config(SIM_HOST_KEY_A_PUBLIC), {
      now: new Date('2026-11-22'),
      env: {},
    });
    const [cluster] = snapshot.clusters;
    expect(cluster?.nodes[0]).toMatchObject({
      name: 'REAL01',
      error: null,
      facts: { release: '2025', edition: 'datacenter', activated: true },
    });
    expect(cluster?.vms[0]).toMatchObject({ name: 'vm-ü1', owner: 'REAL01', guest: { release: '2022' } });
  });

  it('connects to a host whose RSA key alone is recorded (ssh-keyscan -t rsa), though it also has ed25519', async () => {
    const scanned = execFileSync('ssh-keyscan', ['-t', 'rsa', '-p', String(port), HOST], {
      encoding: 'utf8',
    });
    expect(scanned).toMatch(/^\[127\.0\.0\.9\]:\d+ ssh-rsa /m);
    const snapshot = await scanToSnapshot(config('rsa', scanned), {
      now: new Date('2026-11-22'),
      env: {},
      systemKnownHostsPaths: [],
    });
    expect(snapshot.clusters[0]?.nodes[0]).toMatchObject({ error: null, facts: { release: '2025' } });
  });

  it('refuses a host key that does not match known_hosts, before logging in', async () => {
    const snapshot = await scanToSnapshot(config(SIM_HOST_KEY_B_PUBLIC), {
      now: new Date('2026-11-22'),
      env: {},
    });
    expect(snapshot.clusters[0]?.nodes[0]?.error).toMatchObject({
      kind: 'host-key',
      message: expect.stringMatching(/HAS CHANGED/),
    });
  });
});
