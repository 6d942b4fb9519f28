// avma-check scan and demo as a user runs them: a spawned CLI, simulated nodes speaking real SSH on loopback.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { readGithub, readJunit, validateJunit } from '../helpers/formats.js';
import { run } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';

const ESC = '\u001b';
const spec: SimClusterSpec = {
  name: 'e2e',
  hosts: [
    { name: 'N1', release: '2022', edition: 'Datacenter' },
    { name: 'N2', release: '2022', edition: 'Datacenter' },
    { name: 'SLOW', release: '2022', edition: 'Datacenter' },
  ],
  vms: [
    {
      name: `evil${ESC}]0;pwned\u0007${ESC}[2J\u202e${'x'.repeat(3000)}`,
      owner: 'N1',
      guest: { release: '2025', edition: 'Standard' },
    },
    { name: 'app', owner: 'N2', guest: { release: '2019', edition: 'Standard' } },
  ],
};

let served: ServedCluster;
let configFile = '';

beforeAll(async () => {
  served = await serveSpec(spec, { firstOctet: 20, faults: { SLOW: { delayMs: 20_000 } } });
  const nodes = served.sim.nodes
    .map((n) => `      - { name: ${n.name}, host: ${n.host}, ssh: { port: ${n.port} } }`)
    .join('\n');
  const ssh = served.config.defaults?.ssh;
  configFile = join(served.dir, 'clusters.yaml');
  writeFileSync(
    configFile,
    `defaults:\n  ssh: { username: ${ssh?.username}, privateKeyPath: ${ssh?.privateKeyPath}, knownHostsPath: ${ssh?.knownHostsPath}, agent: false, commandTimeoutSeconds: 3 }\nclusters:\n  - name: e2e\n    nodes:\n${nodes}\n`,
  );
});

afterAll(async () => {
  await served.close();
});

describe('avma-check scan', () => {
  it('prints a line per node on stderr, then the report; a slow node times out, the others are judged', async () => {
    const result = await run(['scan', '--config', configFile, '--now', '2026-11-22']);
    expect(result.stderr).toMatch(/Scanning 3 nodes in 1 cluster over SSH/);
    expect(result.stderr).toMatch(/✓ e2e\/N1 +2022 Datacenter, activated, Hyper-V, 1 VM +\d+ ms/);
    expect(result.stderr).toMatch(/✗ e2e\/SLOW +timeout: the collector did not finish within 3 s/);
    expect(result.stdout).toMatch(/\? SLOW +timeout: the collector did not finish within 3 s/);
    expect(result.stdout).toMatch(/Verdict: FAIL: 1 VM at risk \(1 at risk, 1 unknown, 0 safe/);
    expect(result.code).toBe(1);
  });

  it('never prints a remote escape sequence or bidi override, and caps long names', async () => {
    const result = await run([
      'scan',
      '--config',
      configFile,
      '--now',
      '2026-11-22',
      '--command-timeout',
      '2',
    ]);
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(ESC);
      expect(output).not.toContain('\u0007');
      expect(output).not.toContain('\u202e');
    }
    expect(result.stdout).toMatch(/✗ evil x{50,}…/);
    expect(result.stdout.split('\n').every((line) => line.length < 1000)).toBe(true);
  });

  it('a node that cannot be read is visible in every format: a warning annotation, a JUnit error', async () => {
    const out = join(served.dir, 'scan.xml');
    const result = await run([
      'scan',
      '-c',
      configFile,
      '--now',
      '2026-11-22',
      '--command-timeout',
      '1',
      '--unknown',
      'fail',
      '-f',
      'github',
      '-o',
      '-',
      '-f',
      'junit',
      '-o',
      out,
    ]);
    const annotations = readGithub(result.stdout);
    expect(annotations.warning.join('\n')).toMatch(
      /title=AVMA%3A node-unreachable \(e2e\)::SLOW could not be read \(timeout\)/,
    );
    validateJunit(readFileSync(out, 'utf8'));
    const junit = readJunit(readFileSync(out, 'utf8'));
    const slow = junit.suites[0]?.cases.find((c) => c.name === 'node SLOW') as {
      error?: { message: string };
    };
    expect(slow.error?.message).toBe('could not be read');
    expect(result.code).toBe(1);
  });

  it('a saved scan snapshot gives the same verdicts through check', async () => {
    const snapshot = join(served.dir, 'scan.json');
    const scan = await run([
      'scan',
      '-c',
      configFile,
      '--now',
      '2026-11-22',
      '--format',
      'json',
      '--save-snapshot',
      snapshot,
      '--command-timeout',
      '2',
    ]);
    const check = await run(['check', '--snapshot', snapshot, '--now', '2026-11-22', '--format', 'json']);
    expect(check.code).toBe(scan.code);
    expect(JSON.parse(check.stdout)).toEqual(JSON.parse(scan.stdout));
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s closes every connection, reports what was gathered, and exits %i', async (signal, code) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/avma-check'),
        'scan',
        '-c',
        configFile,
        '--now',
        '2026-11-22',
        '--command-timeout',
        '60',
        '--unknown',
        'pass',
      ],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } },
    );
    let stdout = '';
    let stderr = '';
    let interrupted = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && stderr.includes('e2e/N2') && stderr.includes('e2e/N1')) {
        interrupted = performance.now();
        child.kill(signal);
      }
    });
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(performance.now() - interrupted).toBeLessThan(5000);
    expect(stderr).toMatch(/✗ e2e\/SLOW +timeout: the scan was interrupted/);
    expect(stderr).toContain(`Interrupted (${signal}): reporting what was gathered`);
    expect(stdout).toMatch(/· N1 +2022 +Datacenter/);
    // Even with --unknown pass an interrupted run never passes: the report says so, and the exit code too.
    expect(stdout).toMatch(
      new RegExp(
        `Verdict: FAIL: 1 VM at risk; the scan was interrupted \\(${signal}\\) before every node answered .*exit code ${code}\\)`,
      ),
    );
    expect(exit).toBe(code);
  });

  it('a config that cannot log in is a usage error', async () => {
    const bad = join(served.dir, 'nokey.yaml');
    writeFileSync(
      bad,
      'defaults:\n  ssh: { passwordEnv: AVMA_TEST_PASSWORD, agent: false }\nclusters:\n  - name: c\n    nodes: [{ name: N1, host: 127.0.0.20 }]\n',
    );
    const result = await run(['scan', '-c', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/takes the SSH password from \$AVMA_TEST_PASSWORD, which is not set/);
  });
});

describe('avma-check demo', () => {
  it('scans the simulated mixed cluster over SSH and shows at-risk VMs', async () => {
    const result = await run(['demo', '--now', '2026-11-22']);
    expect(result.stderr).toMatch(/✓ hv-demo\/HV04 +2022 Standard/);
    expect(result.stdout).toMatch(/Cluster hv-demo: AT RISK/);
    expect(result.stdout).toMatch(/HV04 runs Standard/);
    expect(result.stdout).toMatch(/HV05 is not activated/);
    expect(result.stdout).toMatch(/which HV03 on Windows Server 2019 cannot activate/);
    expect(result.code).toBe(1);
  });
});
