// A private key's passphrase and a password variable's value never appear in anything a scan writes: stdout,
// stderr, report files or the snapshot, with and without --debug, when a login fails, when a node sends garbage,
// and when a node echoes the password it was sent.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/report/format-names.js';
import { SIM_CLIENT_KEY, SIM_PASSWORD } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { run } from '../helpers/main.js';
import { writeSimConfig } from '../helpers/sim-config.js';

const PASSPHRASE = 'Passphrase-Of-The-Key-7f3a';
const spec: SimClusterSpec = {
  name: 'sec',
  hosts: ['OK', 'REJECTS', 'GARBAGE', 'ECHOES'].map((name) => ({
    name,
    release: '2022',
    edition: 'Datacenter',
  })),
  vms: [{ name: 'app', owner: 'OK', guest: { release: '2022', edition: 'Standard' } }],
};

let served: ServedCluster;
let keyPath = '';
let runs = 0;

beforeAll(async () => {
  served = await serveSpec(spec, {
    firstOctet: 110,
    faults: {
      REJECTS: { fault: 'auth-reject' },
      GARBAGE: { fault: 'malformed', noise: `\u001b[2J\u0000\xff garbage ${'#'.repeat(200)}\r\n` },
      ECHOES: { fault: 'echo-secret' },
    },
  });
  // The simulator's client key, encrypted with a passphrase, as ssh-keygen -p does it.
  keyPath = join(served.dir, 'encrypted_ed25519');
  writeFileSync(keyPath, SIM_CLIENT_KEY, { mode: 0o600 });
  execFileSync('ssh-keygen', ['-q', '-p', '-N', PASSPHRASE, '-f', keyPath]);
});

afterAll(() => served.close());

/** A scan writing every format and the snapshot to files: everything it wrote, as one text. */
async function everythingWritten(
  ssh: Record<string, string | boolean | null>,
  env: Record<string, string>,
  debug: boolean,
): Promise<{ code: number; all: string; stderr: string }> {
  const dir = `run-${runs++}`;
  const config = writeSimConfig(served, ssh, `${dir}.yaml`);
  const file = (name: string) => join(served.dir, `${dir}.${name}`);
  const pairs = REPORT_FORMATS.flatMap((format) => ['-f', format, '-o', file(format)]);
  const result = await run(
    [
      'scan',
      '-c',
      config,
      ...(debug ? ['--debug'] : []),
      '--command-timeout',
      '5',
      ...pairs,
      '-f',
      'text',
      '-o',
      '-',
      '--save-snapshot',
      file('snapshot.json'),
    ],
    { env },
  );
  const written = readdirSync(served.dir)
    .filter((name) => name.startsWith(`${dir}.`))
    .map((name) => readFileSync(join(served.dir, name), 'utf8'));
  expect(written).toHaveLength(REPORT_FORMATS.length + 2);
  return {
    code: result.code,
    all: [result.stdout, result.stderr, ...written].join('\n'),
    stderr: result.stderr,
  };
}

describe.each([false, true])('secrets (--debug: %s)', (debug) => {
  it('a passphrase-protected key: the passphrase appears nowhere, whatever the nodes do', async () => {
    const { all, stderr } = await everythingWritten(
      { privateKeyPath: keyPath, passphraseEnv: 'AVMA_TEST_PASSPHRASE' },
      { AVMA_TEST_PASSPHRASE: PASSPHRASE },
      debug,
    );
    expect(all).toMatch(/REJECTS .*auth/);
    expect(all).toMatch(/GARBAGE .*bad-output/);
    if (debug) expect(stderr).toContain('--debug: raw output of sec/GARBAGE');
    expect(all).not.toContain(PASSPHRASE);
  });

  it('a password: it appears nowhere, not even when a node echoes it back', async () => {
    const { all, stderr } = await everythingWritten(
      { privateKeyPath: null, passwordEnv: 'AVMA_TEST_PW' },
      { AVMA_TEST_PW: SIM_PASSWORD },
      debug,
    );
    expect(all).toMatch(/REJECTS .*auth/);
    expect(all).toMatch(
      /ECHOES .*command-failed: the collector failed: Get-Credential: the password '\[redacted\]'/,
    );
    if (debug) expect(stderr).toMatch(/--debug: raw output of sec\/ECHOES: .*the password '\[redacted\]'/);
    expect(all).not.toContain(SIM_PASSWORD);
  });

  it('a wrong password, refused by the nodes and echoed by one: it appears nowhere', async () => {
    const wrong = 'Wrong-Password-Value-0c9d';
    const { code, all } = await everythingWritten(
      { privateKeyPath: null, passwordEnv: 'AVMA_TEST_PW' },
      { AVMA_TEST_PW: wrong },
      debug,
    );
    expect(code).toBe(3);
    expect(all).toMatch(/OK .*auth/);
    expect(all).not.toContain(wrong);
  });
});

it('a wrong passphrase stops the run before any node is contacted, without repeating it', async () => {
  const before = served.sim.connections();
  const config = writeSimConfig(
    served,
    { privateKeyPath: keyPath, passphraseEnv: 'AVMA_TEST_PASSPHRASE' },
    'wrong.yaml',
  );
  for (const args of [['--debug'], []]) {
    const result = await run(['scan', '-c', config, ...args], {
      env: { AVMA_TEST_PASSPHRASE: `${PASSPHRASE}-wrong` },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /the passphrase in \$AVMA_TEST_PASSPHRASE does not decrypt the private key/,
    );
    expect(result.stdout + result.stderr).not.toContain(PASSPHRASE);
  }
  expect(served.sim.connections()).toBe(before);
});
