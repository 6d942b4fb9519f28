// The documented GitHub Actions example: its avma-check command, run here, produces the files the later steps use.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateJunit } from '../helpers/formats.js';
import { run } from '../helpers/main.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

it('the workflow in docs/github-actions.yml writes the JUnit report, the summary and the annotations', async () => {
  const workflow = parse(readFileSync(join(ROOT, 'docs/github-actions.yml'), 'utf8'));
  const steps = workflow.jobs.avma.steps as { id?: string; run?: string; with?: { path?: string } }[];
  const command = (steps.find((step) => step.id === 'check')?.run ?? '').trim().split(/\s+/);
  expect(command.slice(0, 2)).toEqual(['avma-check', 'check']);
  const dir = mkdtempSync(join(tmpdir(), 'avma-gha-'));
  const args = command
    .slice(1)
    .map((arg) => (arg === 'clusters.yaml' ? join(ROOT, 'clusters.example.yaml') : arg));
  const result = await runCli([...args, '--now', '2026-11-22'], { cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error file=.*clusters\.example\.yaml,line=\d+,title=AVMA%3A /m);
  validateJunit(readFileSync(join(dir, 'avma-check.xml'), 'utf8'));
  expect(readFileSync(join(dir, 'avma-check.md'), 'utf8')).toMatch(/^## ❌ avma-check: FAIL/);
  expect(JSON.parse(readFileSync(join(dir, 'avma-check.json'), 'utf8')).verdict).toBe('fail');
  const uploaded =
    steps
      .find((step) => step.with?.path)
      ?.with?.path?.trim()
      .split('\n') ?? [];
  expect(uploaded).toEqual(['avma-check.xml', 'avma-check.json']);
});

it('--fail-on never and --unknown pass let a pipeline report without failing, and say so', async () => {
  const result = await run([
    'check',
    '-c',
    join(ROOT, 'clusters.example.yaml'),
    '--fail-on',
    'never',
    '--unknown',
    'pass',
    '--format',
    'json',
  ]);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report.verdict).toBe('pass');
  expect(report.gate.reasons).toEqual(['3 VMs at risk, which --fail-on never does not count']);
  expect(report.clusters[0].verdict).toBe('at-risk');
});

it('refuses two reports on stdout', async () => {
  const result = await run([
    'check',
    '-c',
    join(ROOT, 'clusters.example.yaml'),
    '--format',
    'json',
    '--format',
    'junit',
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/2 formats but no --output/);
});
