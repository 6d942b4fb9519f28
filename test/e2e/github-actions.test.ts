// The documented workflow, run here: the package packed as its install step expects and installed from the
// tarball (its dependencies from the machine's npm cache or registry), then every command of its scan matrix and
// fleet job against simulated clusters.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { readGithub, readJunit, validateJunit, validateSarif } from '../helpers/formats.js';
import { ROOT } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, 'docs/github-actions.yml'), 'utf8'));
const specs: SimClusterSpec[] = [
  {
    name: 'hv-prod',
    hosts: [
      { name: 'P1', release: '2022', edition: 'Datacenter' },
      { name: 'P2', release: '2022', edition: 'Standard' },
    ],
    vms: [{ name: 'web', owner: 'P1', guest: { release: '2022', edition: 'Standard' } }],
  },
  {
    name: 'hv-branch',
    hosts: [{ name: 'B1', release: '2025', edition: 'Datacenter' }],
    vms: [
      { name: 'file', owner: 'B1', possibleOwners: ['B1'], guest: { release: '2019', edition: 'Standard' } },
    ],
  },
];
const served: ServedCluster[] = [];
const work = mkdtempSync(join(tmpdir(), 'avma-gha-'));
const prefix = join(work, '.npm-global');
const realHome = process.env.HOME ?? '/root';
// A global prefix of its own moves npm's global config (prefix/etc/npmrc): keep the machine's, and the user's,
// which say how to reach the registry (a cafile behind a TLS-inspecting proxy). Without them a fresh machine,
// whose cache holds no package metadata yet, fails every fetch with SELF_SIGNED_CERT_IN_CHAIN.
const machineGlobalConfig = execFileSync('npm', ['config', 'get', 'globalconfig'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const REGISTRY_ENV = [
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

beforeAll(async () => {
  for (const [i, spec] of specs.entries()) served.push(await serveSpec(spec, { firstOctet: 40 + i * 10 }));
  mkdirSync(join(work, 'clusters'));
  mkdirSync(join(work, 'vendor'));
  for (const [i, spec] of specs.entries()) {
    const s = served[i] as ServedCluster;
    const ssh = s.config.defaults?.ssh;
    const nodes = s.sim.nodes.map(
      (n) => `      - { name: ${n.name}, host: ${n.host}, ssh: { port: ${n.port} } }`,
    );
    writeFileSync(
      join(work, 'clusters', `${spec.name}.yaml`),
      `defaults:\n  ssh: { username: ${ssh?.username}, privateKeyPath: ${ssh?.privateKeyPath}, knownHostsPath: ${ssh?.knownHostsPath}, agent: false }\nclusters:\n  - name: ${spec.name}\n    nodes:\n${nodes.join('\n')}\n`,
    );
  }
}, 60_000);

afterAll(async () => {
  for (const s of served) await s.close();
});

function expand(text: string, matrix: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(matrix|secrets)\.(\w+)\s*\}\}/g, (_all, kind: string, key: string) =>
    kind === 'matrix' ? (matrix[key] ?? '') : '',
  );
}

/** Runs a step's commands in bash, asynchronously: this process also serves the simulated nodes. */
function runStep(
  step: Step,
  matrix: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', expand(step.run ?? '', matrix)], {
    cwd: work,
    env: {
      ...Object.fromEntries(
        REGISTRY_ENV.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
      ),
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
      HOME: work,
      npm_config_prefix: prefix,
      npm_config_globalconfig: machineGlobalConfig,
      npm_config_userconfig: join(realHome, '.npmrc'),
      // The machine's npm cache, offline first: the workflow's install step as it runs on a runner with a warm cache.
      npm_config_cache: join(realHome, '.npm'),
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      GITHUB_STEP_SUMMARY: join(work, 'step-summary.md'),
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, matrix)])),
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

it('the workflow installs avma-check from a packed tarball and runs its scan matrix and fleet job', {
  timeout: 240_000,
}, async () => {
  // What the install step expects: a tarball made with npm pack in avma-check's repository, in vendor/.
  execFileSync(
    'npm',
    ['pack', '--silent', '--ignore-scripts', '--pack-destination', join(work, 'vendor'), ROOT],
    {
      stdio: 'pipe',
    },
  );
  const scan = workflow.jobs.scan.steps as Step[];
  const fleet = workflow.jobs.fleet.steps as Step[];
  const install = scan.find((s) => s.name === 'Install avma-check') as Step;
  expect(install.run).toMatch(/^npm install --global \.\/vendor\/avma-check-\*\.tgz/);
  const installed = await runStep(install, {});
  expect(installed.code, installed.stderr).toBe(0);

  // The key step writes the secret where the config names it, readable by the runner's user only.
  const keyStep = scan.find((s) => s.name === 'The scan key') as Step;
  const secret = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n-----END OPENSSH PRIVATE KEY-----';
  const wrote = await runStep({ ...keyStep, env: { AVMA_SSH_KEY: secret } }, {});
  expect(wrote.code, wrote.stderr).toBe(0);
  expect(readFileSync(join(work, '.ssh', 'avma-check'), 'utf8')).toBe(`${secret}\n`);
  expect(statSync(join(work, '.ssh', 'avma-check')).mode & 0o777).toBe(0o600);
  expect(statSync(join(work, '.ssh')).mode & 0o777).toBe(0o700);

  const expected: Record<string, number> = { 'hv-prod': 1, 'hv-branch': 0 };
  for (const cluster of workflow.jobs.scan.strategy.matrix.cluster as string[]) {
    const step = scan.find((s) => s.run?.includes('avma-check scan')) as Step;
    const result = await runStep(step, { cluster });
    expect(result.code, result.stderr).toBe(expected[cluster]);
    const xml = readFileSync(join(work, `${cluster}.xml`), 'utf8');
    validateJunit(xml);
    if (cluster === 'hv-prod')
      expect(readGithub(result.stdout).error.join('\n')).toMatch(/web at risk \(hv-prod\)/);
  }

  // download-artifact puts each job's snapshot in snapshots/.
  const download = fleet.find((s) => s.uses?.startsWith('actions/download-artifact')) as Step;
  expect(download.with).toMatchObject({ pattern: 'snapshot-*', path: 'snapshots', 'merge-multiple': true });
  mkdirSync(join(work, 'snapshots'));
  for (const cluster of workflow.jobs.scan.strategy.matrix.cluster as string[])
    renameSync(join(work, `snapshot-${cluster}.json`), join(work, 'snapshots', `snapshot-${cluster}.json`));
  const judge = fleet.find((s) => s.run?.includes('avma-check merge')) as Step;
  const judged = await runStep(judge, {});
  expect(judged.code, judged.stderr).toBe(1);
  // snapshots/*.json in the shell's order: both clusters judged as one fleet.
  expect(readJunit(readFileSync(join(work, 'fleet.xml'), 'utf8')).suites.map((s) => s.name)).toEqual([
    'hv-branch',
    'hv-prod',
  ]);
  validateSarif(JSON.parse(readFileSync(join(work, 'avma-check.sarif'), 'utf8')));
  const summary = await runStep(fleet.find((s) => s.name === 'Job summary') as Step, {});
  expect(summary.code).toBe(0);
  expect(readFileSync(join(work, 'step-summary.md'), 'utf8')).toMatch(/^## ❌ avma-check: FAIL\n/);
  const upload = fleet.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')) as Step;
  expect(upload.with?.sarif_file).toBe('avma-check.sarif');
  expect(workflow.jobs.fleet.permissions['security-events']).toBe('write');

  // Files the bundle reads beside itself at run time, from the installed package: the collector (demo scans over
  // SSH with it), yargs' translations, package.json for --version.
  const bin = join(prefix, 'bin', 'avma-check');
  const quiet = { cwd: work, encoding: 'utf8' as const, stdio: 'pipe' as const };
  let demo = '';
  try {
    execFileSync(bin, ['demo', '--no-tui'], quiet);
  } catch (error) {
    demo = (error as { stdout: string }).stdout;
  }
  expect(demo).toMatch(/^Verdict: FAIL/m);
  const help = execFileSync(bin, ['--help'], { ...quiet, env: { ...process.env, LANG: 'de_DE.UTF-8' } });
  expect(help).toMatch(/^Kommandos:/m);
  expect(execFileSync(bin, ['--version'], quiet).trim()).toBe(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  );
});
