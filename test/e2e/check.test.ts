// avma-check check through the real CLI path, in-process; one test runs the bin as a user would.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentOf } from '../../src/cli/environment.js';
import { run } from '../helpers/main.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-check-e2e-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const NOW = ['--now', '2026-11-22'];
const EXAMPLE = join(ROOT, 'clusters.example.yaml');
const SAFE = `clusters:
  - name: ok
    nodes:
      - { name: A, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
      - { name: B, facts: { release: "2025", edition: Datacenter, activated: true, hyperV: true } }
    vms:
      - { name: v, guest: { release: "2022" } }
`;

describe('avma-check check', () => {
  it('the README example, through the bin: VMs at risk, exit code 1, nothing on stderr', async () => {
    const result = await runCli(['check', '--config', 'clusters.example.yaml', ...NOW]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Cluster hv-prod: AT RISK');
    expect(result.stdout).toContain('Cluster hv-branch: SAFE');
    expect(result.stdout).toMatch(/\[guest-newer-than-host\]/);
    expect(result.stdout).toMatch(/Verdict: FAIL: 3 VMs at risk \(.*; exit code 1\)\n$/);
  });

  it('accepts --no-tui and prints the plain report', async () => {
    const result = await run(['check', '--config', EXAMPLE, '--no-tui', ...NOW]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Verdict: FAIL/);
  });

  it('exit code 0 when every VM is safe', async () => {
    const result = await run(['check', '-c', write('safe.yaml', SAFE), ...NOW]);
    expect(result.stdout).toMatch(/Verdict: PASS: every VM that uses AVMA stays activatable/);
    expect(result.code).toBe(0);
  });

  it('exit code 3 when nothing is at risk but facts are missing', async () => {
    const file = write(
      'incomplete.yaml',
      `clusters:
  - name: partly
    nodes:
      - { name: A, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
      - { name: B, host: b.example.test }
    vms:
      - { name: v, guest: { release: "2022" } }
`,
    );
    const result = await run(['check', '-c', file, ...NOW]);
    expect(result.stdout).toMatch(/B +not-scanned: no facts are declared/);
    expect(result.stdout).toMatch(
      /Verdict: INCOMPLETE: no VM at risk, but 1 VM cannot be judged and 1 node not read/,
    );
    expect(result.code).toBe(3);
  });

  it('a broken config: exit code 2, file, line and key on stderr, no stack trace', async () => {
    const file = write(
      'bad.yaml',
      'clusters:\n  - name: c\n    nodes:\n      - name: A\n        facts: { edition: Datacentre }\n',
    );
    const result = await run(['check', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:5:`);
    expect(result.stderr).toContain('clusters[0].nodes[0].facts.edition: unknown edition "Datacentre"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['check', '--config', '/nonexistent/clusters.yaml'], /\/nonexistent\/clusters.yaml: no such file/],
    [['check'], /nothing to check\n.*--config clusters.yaml/],
    [['check', '--config', 'a.yaml', '--snapshot', 'b.json'], /mutually exclusive|not both/],
    [['check', '--frobnicate'], /Unknown argument: frobnicate/],
    [['check', '--format', 'xml', '-c', EXAMPLE], /Invalid values:[\s\S]*format/],
    [['check', '-c', EXAMPLE, '--now', 'tomorrow'], /--now tomorrow is not a date/],
    [['check', '-c', EXAMPLE, '--now', '2026-02-30'], /--now 2026-02-30 is not a date/],
    [
      ['check', '-c', EXAMPLE, '--expiry-warning-days', '-1'],
      /--expiry-warning-days "-1" is not a whole number/,
    ],
    [
      ['check', '-c', EXAMPLE, '--expiry-warning-days', '2.5'],
      /--expiry-warning-days "2.5" is not a whole number/,
    ],
    [['check', '-c', EXAMPLE, '--expiry-warning-days', ''], /--expiry-warning-days "" is not a whole number/],
    [
      ['check', '-c', EXAMPLE, '--expiry-warning-days', 'abc'],
      /--expiry-warning-days "abc" is not a whole number/,
    ],
    [
      ['check', '-c', EXAMPLE, '--expiry-warning-days'],
      /Not enough arguments following: expiry-warning-days/,
    ],
    [['check', '-c', EXAMPLE, '-f', 'json', '-f', 'junit'], /2 formats but no --output/],
    [
      ['check', '-c', EXAMPLE, '-f', 'json', '-o', '-', '-f', 'text', '-o', '/dev/stdout'],
      /would both go to stdout/,
    ],
    [
      ['check', '-c', EXAMPLE, '-o', '/dev/stdout', '--save-snapshot', '/proc/self/fd/1'],
      /text report and snapshot would both go to stdout/,
    ],
    [[], /Name a command/],
  ])('usage error %j: exit code 2 with a message', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes JSON to a file, and a saved snapshot reproduces the same verdicts', async () => {
    const report = join(dir, 'report.json');
    const snapshot = join(dir, 'snapshot.json');
    const first = await run([
      'check',
      '-c',
      EXAMPLE,
      ...NOW,
      '--format',
      'json',
      '-o',
      report,
      '--save-snapshot',
      snapshot,
    ]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    const fromConfig = JSON.parse(readFileSync(report, 'utf8'));
    expect([fromConfig.schemaVersion, fromConfig.verdict]).toEqual([3, 'fail']);
    const second = await run(['check', '--snapshot', snapshot, ...NOW, '--format', 'json']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout)).toEqual(fromConfig);
  });

  it('a file that is not a snapshot: exit code 2', async () => {
    const result = await run(['check', '--snapshot', join(ROOT, 'package.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/package.json: kind: not an avma-check snapshot/);
  });
});

describe('outputs are checked before anything is read, and written whole', () => {
  it('refuses to write over one of its inputs, however the path is spelled', async () => {
    const config = write('mine.yaml', SAFE);
    const link = join(dir, 'link.yaml');
    symlinkSync(config, link);
    for (const output of [config, `${dir}/./mine.yaml`, link]) {
      const result = await run(['check', '-c', config, '-f', 'json', '-o', output]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /refusing to write the json report to .*: it is the config .*mine\.yaml this run reads/,
      );
    }
    expect(readFileSync(config, 'utf8')).toBe(SAFE);
    const ignore = write('.avma-ignore.yaml', 'ignore: []\n');
    const viaIgnore = await run(['check', '-c', config, '--save-snapshot', ignore]);
    expect(viaIgnore.stderr).toMatch(/refusing to write the snapshot .*: it is the ignore file/);
    expect(readFileSync(ignore, 'utf8')).toBe('ignore: []\n');
  });

  it('refuses the same file twice, through ./ or a symlink', async () => {
    const out = join(dir, 'twice.json');
    writeFileSync(out, '');
    symlinkSync(out, join(dir, 'twice-link.json'));
    const result = await run([
      'check',
      '-c',
      EXAMPLE,
      '-f',
      'json',
      '-o',
      out,
      '-f',
      'junit',
      '-o',
      join(dir, 'twice-link.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the json report and the junit report would both be written to/);
  });

  it('refuses a file and a symlink to it before either exists, and leaves the link a link', async () => {
    const out = join(dir, 'later.txt');
    symlinkSync(out, join(dir, 'later-link.txt'));
    const args = [
      'check',
      '-c',
      EXAMPLE,
      '-f',
      'text',
      '-o',
      out,
      '-f',
      'json',
      '-o',
      join(dir, 'later-link.txt'),
    ];
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the text report and the json report would both be written to/);
    const alone = await run(['check', '-c', EXAMPLE, '-f', 'json', '-o', join(dir, 'later-link.txt')]);
    expect(alone.code).toBe(1);
    expect(lstatSync(join(dir, 'later-link.txt')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).verdict).toBe('fail');
  });

  it('refuses an output whose directory is missing or not writable before reading the input', async () => {
    const missing = await run(['check', '-c', '/nonexistent.yaml', '-f', 'json', '-o', '/nodir/r.json']);
    expect(missing.stderr).toMatch(/cannot write \/nodir\/r\.json: its directory \/nodir does not exist/);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const result = await run(['check', '-c', EXAMPLE, '--save-snapshot', join(locked, 's.json')]);
    chmodSync(locked, 0o700);
    if (process.getuid?.() !== 0) expect(result.stderr).toMatch(/its directory is not writable/);
  });

  it('replaces a report whole: no temporary file is left, and the file keeps its mode', async () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, 'previous good report');
    chmodSync(out, 0o640);
    await run(['check', '-c', EXAMPLE, ...NOW, '-f', 'json', '-o', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(3);
    expect((await import('node:fs')).statSync(out).mode & 0o777).toBe(0o640);
    expect((await import('node:fs')).readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('the interactive view needs a terminal on stdin too', () => {
  it('stdout a terminal, stdin not (< /dev/null, a while-read loop): plain output, never ink', () => {
    const tty = { isTTY: true, columns: 80 } as never;
    expect(environmentOf({ stdout: tty, stderr: tty, stdin: { isTTY: true } as never }, {}).interactive).toBe(
      true,
    );
    expect(
      environmentOf({ stdout: tty, stderr: tty, stdin: { isTTY: false } as never }, {}).interactive,
    ).toBe(false);
    expect(environmentOf({ stdout: tty, stderr: tty }, {}).interactive).toBe(false);
    expect(
      environmentOf({ stdout: tty, stderr: tty, stdin: { isTTY: true } as never }, { CI: 'true' })
        .interactive,
    ).toBe(false);
  });
});

describe('rules, --help, --version and completion', () => {
  it('lists every rule', async () => {
    const result = await run(['rules']);
    expect(result.code).toBe(0);
    for (const id of [
      'host-not-datacenter',
      'host-not-activated',
      'guest-newer-than-host',
      'kvp-disabled',
      'suppression-expired',
    ])
      expect(result.stdout).toMatch(new RegExp(`^${id} +(error|warning|unknown) +\\S`, 'm'));
  });

  it('explains one rule, and refuses one that does not exist', async () => {
    const one = await run(['rules', 'host-activation-expiring']);
    expect(one.stdout).toMatch(/^host-activation-expiring \(warning\)\nHost activation expires soon\n/);
    expect(one.stdout).toMatch(/Remedy: /);
    const none = await run(['rules', 'host-not-enterprise']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no rule "host-not-enterprise"\n\s+known rules: activation-unknown, azure-local-avma-undeclared/,
    );
  });

  it('--help teaches the commands and exit codes, in-process as from the bin', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/avma-check check +Judge declared facts/);
    expect(top.stdout).toMatch(/Exit codes: 0 pass, 1 fail, 2 usage or config error, 3 incomplete/);
    const check = await run(['check', '--help']);
    expect(check.stdout).toMatch(/Examples:[\s\S]*avma-check check --config clusters.yaml/);
  });

  it('--version prints the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('completion prints a shell script, and the bin completes a command and its options', async () => {
    expect((await run(['completion'])).stdout).toMatch(/###-begin-avma-check-completions-###/);
    const commands = await runCli(['--get-yargs-completions', '']);
    expect(commands.stdout.split('\n')).toEqual(expect.arrayContaining(['scan', 'check', 'plan', 'diff']));
    const options = await runCli(['--get-yargs-completions', 'plan', '--']);
    expect(options.stdout.split('\n')).toEqual(expect.arrayContaining(['--suggest-order', '--plan-file']));
  });

  it('an unknown command says so and suggests the nearest', async () => {
    const result = await run(['chek']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "chek"\. Did you mean check\?/);
  });
});
