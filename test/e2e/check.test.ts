import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-check-e2e-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const NOW = ['--now', '2026-11-22'];

describe('avma-check check', () => {
  it('the README example: at least one VM at risk, exit code 1, nothing on stderr', async () => {
    const result = await runCli(['check', '--config', 'clusters.example.yaml', ...NOW]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Cluster hv-prod: AT RISK');
    expect(result.stdout).toContain('Cluster hv-branch: SAFE');
    expect(result.stdout).toMatch(/\[guest-newer-than-host\]/);
    expect(result.stdout).toMatch(/Verdict: AT RISK: .* \(exit code 1\)\n$/);
  });

  it('accepts --no-tui and prints the plain report', async () => {
    const result = await runCli([
      'check',
      '--config',
      'clusters.example.yaml',
      '--no-tui',
      '--now',
      '2026-11-22',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Verdict: AT RISK/);
  });

  it('exit code 0 when every VM is safe', async () => {
    const file = write(
      'safe.yaml',
      `clusters:
  - name: ok
    nodes:
      - { name: A, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
      - { name: B, facts: { release: "2025", edition: Datacenter, activated: true, hyperV: true } }
    vms:
      - { name: v, guest: { release: "2022" } }
`,
    );
    const result = await runCli(['check', '-c', file, ...NOW]);
    expect(result.stdout).toMatch(/Verdict: SAFE/);
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
    const result = await runCli(['check', '-c', file, ...NOW]);
    expect(result.stdout).toMatch(/B +not-scanned: no facts are declared/);
    expect(result.stdout).toMatch(/Verdict: INCOMPLETE/);
    expect(result.code).toBe(3);
  });

  it('a broken config: exit code 2, file, line and key on stderr, no stack trace', async () => {
    const file = write(
      'bad.yaml',
      'clusters:\n  - name: c\n    nodes:\n      - name: A\n        facts: { edition: Datacentre }\n',
    );
    const result = await runCli(['check', '--config', file]);
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
    [['check', '--format', 'xml', '-c', 'clusters.example.yaml'], /Invalid values:[\s\S]*format/],
    [['check', '-c', 'clusters.example.yaml', '--now', 'tomorrow'], /--now tomorrow is not a date/],
    [[], /Name a command/],
  ])('usage error %j: exit code 2 with a message', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes JSON to a file, and a saved snapshot reproduces the same verdicts', async () => {
    const report = join(dir, 'report.json');
    const snapshot = join(dir, 'snapshot.json');
    const first = await runCli([
      'check',
      '-c',
      'clusters.example.yaml',
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
    expect(fromConfig.schemaVersion).toBe(1);
    expect(fromConfig.verdict).toBe('at-risk');

    const second = await runCli(['check', '--snapshot', snapshot, ...NOW, '--format', 'json']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout)).toEqual(fromConfig);
  });

  it('a file that is not a snapshot: exit code 2', async () => {
    const result = await runCli(['check', '--snapshot', 'package.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/package.json: kind: not an avma-check snapshot/);
  });
});

describe('avma-check rules and --help', () => {
  it('lists every rule', async () => {
    const result = await runCli(['rules']);
    expect(result.code).toBe(0);
    for (const id of [
      'host-not-datacenter',
      'host-not-activated',
      'guest-newer-than-host',
      'kvp-disabled',
      'node-unreachable',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^${id} +(error|warning|unknown) +\\S`, 'm'));
    }
  });

  it('explains one rule, and refuses one that does not exist', async () => {
    const one = await runCli(['rules', 'host-activation-expiring']);
    expect(one.stdout).toMatch(/^host-activation-expiring \(warning\)\nHost activation expires soon\n/);
    expect(one.stdout).toMatch(/Remedy: /);
    const none = await runCli(['rules', 'host-not-enterprise']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no rule "host-not-enterprise"\n\s+known rules: activation-unknown, azure-local-avma-undeclared/,
    );
  });

  it('--help teaches the commands, with examples', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/avma-check check +Check declared facts/);
    expect(top.stdout).toMatch(/avma-check rules \[id\]/);
    const check = await runCli(['check', '--help']);
    expect(check.stdout).toMatch(/Examples:[\s\S]*avma-check check --config clusters.yaml/);
    expect(check.stdout).toMatch(/Exit codes: 0 safe, 1 a VM at risk, 2 usage or config error, 3/);
  });
});
