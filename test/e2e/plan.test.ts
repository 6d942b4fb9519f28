import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const NOW = ['--now', '2026-11-22'];
const config = ['-c', 'clusters.example.yaml'];

describe('avma-check plan', () => {
  it('one step per flag, what each does, the final state, exit code of the worst step', async () => {
    const result = await runCli([
      'plan',
      ...config,
      ...NOW,
      '--drain',
      'HV04',
      '--upgrade',
      'HV03=2022',
      '--edition',
      'HV04=Datacenter',
    ]);
    expect(result.stdout).toMatch(
      /^Plan: 3 steps\n {2}now {2}AT RISK: 3 at risk, 0 unknown, 5 safe\n {2}1\. {3}drain HV04: AT RISK/,
    );
    expect(result.stdout).toMatch(/upgrade HV03 to Windows Server 2022: AT RISK/);
    expect(result.stdout).toMatch(/Final state:\nCluster hv-prod: AT RISK/);
    expect(result.code).toBe(1);
  });

  it('a plan file, with JSON output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avma-plan-'));
    const file = join(dir, 'window.yaml');
    writeFileSync(
      file,
      'steps:\n  - name: fix the Standard node\n    edition: { HV04: Datacenter }\n  - name: reactivate\n    evict: HV05\n  - upgrade: { HV03: "2022" }\n',
    );
    const result = await runCli(['plan', ...config, ...NOW, '--plan-file', file, '--format', 'json']);
    const plan = JSON.parse(result.stdout);
    expect(plan.kind).toBe('avma-check-plan');
    expect(plan.steps.map((s: { title: string; recovered: string[] }) => [s.title, s.recovered])).toEqual([
      ['fix the Standard node', []],
      ['reactivate', []],
      ['upgrade HV03 to Windows Server 2022', ['hv-prod/web01']],
    ]);
    expect(plan.final.clusters[0].nodes.map((n: { name: string }) => n.name)).not.toContain('HV05');
  });

  it('honours an ignore file: suppressed findings decide no step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avma-plan-'));
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(
      ignore,
      'ignore:\n  - { rule: guest-newer-than-host, reason: app2025 moves away }\n  - { rule: kvp-disabled, reason: legacy01 retires }\n',
    );
    const result = await runCli([
      'plan',
      ...config,
      ...NOW,
      '--ignore-file',
      ignore,
      '--evict',
      'HV04',
      '--evict',
      'HV05',
      '--format',
      'json',
    ]);
    const plan = JSON.parse(result.stdout);
    expect(plan.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['at-risk', 'safe']);
    expect(result.code).toBe(1);
  });

  it('--suggest-order for a rolling upgrade', async () => {
    const result = await runCli(['plan', ...config, ...NOW, '--suggest-order']);
    expect(result.stdout).toMatch(/upgrade hv-prod\/HV03 to Windows Server 2022/);
    expect(result.stdout).toMatch(/Suggested upgrade order|No upgrade order keeps every VM safe/);
  });

  it.each([
    [['--drain', 'HV99'], /no node "HV99"\n\s+known nodes: hv-prod\/HV01/],
    [['--upgrade', 'HV03'], /--upgrade HV03: expected NODE=VALUE/],
    [['--upgrade', 'HV03=2030'], /not a release avma-check can plan/],
    [[], /no change to plan/],
    [['--add-node', 'HV06=2025'], /cannot tell which cluster HV06 joins/],
  ])('%j is a usage error', async (flags, message) => {
    const result = await runCli(['plan', ...config, ...NOW, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
