// The ignore file and the baseline through the real CLI path: they change the gate, never the facts.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';

const NOW = ['--now', '2026-11-22'];

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'avma-suppress-'));
  copyFileSync(join(ROOT, 'clusters.example.yaml'), join(dir, 'clusters.yaml'));
  return dir;
}

it('.avma-ignore.yaml beside the config accepts findings with a reason, says so, and keeps the facts', async () => {
  const dir = workspace();
  writeFileSync(
    join(dir, '.avma-ignore.yaml'),
    [
      'ignore:',
      '  - { rule: guest-newer-than-host, vm: app2025, reason: app2025 moves to the new cluster next week }',
      '  - { rule: kvp-disabled, vm: legacy01, reason: legacy01 is retired on Friday }',
      '  - { rule: host-not-datacenter, node: HV04, reason: old waiver, expires: 2026-11-01 }',
      '',
    ].join('\n'),
  );
  const result = await run(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--format', 'json']);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout);
  const vms = Object.fromEntries(
    report.clusters[0].vms.map((vm: { name: string; verdict: string; gate: string }) => [
      vm.name,
      [vm.verdict, vm.gate],
    ]),
  );
  expect(vms).toMatchObject({
    app2025: ['at-risk', 'safe'],
    legacy01: ['at-risk', 'safe'],
    web01: ['at-risk', 'at-risk'],
  });
  expect(report.ignoreFile).toMatchObject({
    file: join(dir, '.avma-ignore.yaml'),
    entries: 3,
    suppressed: 4,
  });
  expect(report.findings[0]).toMatchObject({
    rule: 'suppression-expired',
    source: `${join(dir, '.avma-ignore.yaml')}:4`,
  });
  expect(report.clusters[0].findings).toContainEqual(
    expect.objectContaining({
      rule: 'kvp-disabled',
      vm: 'legacy01',
      accepted: {
        by: 'ignore-file',
        reason: 'legacy01 is retired on Friday',
        expires: null,
        source: expect.stringMatching(/:3$/),
      },
    }),
  );
  expect(result.code).toBe(1);
});

it('--baseline fails only on new findings, lists those gone, and never rewrites the facts', async () => {
  const dir = workspace();
  const baseline = join(dir, 'baseline.json');
  const first = await run(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '-f', 'json', '-o', baseline]);
  expect(first.code).toBe(1);
  const same = await run([
    'check',
    '-c',
    join(dir, 'clusters.yaml'),
    ...NOW,
    '--baseline',
    baseline,
    '-f',
    'json',
  ]);
  expect(same.code).toBe(0);
  const before = JSON.parse(readFileSync(baseline, 'utf8'));
  const after = JSON.parse(same.stdout);
  expect(after.baseline).toMatchObject({ file: baseline, new: 0, gone: [] });
  expect(after.verdict).toBe('pass');
  // The facts are the same: every VM's real verdict and targets, every cluster's verdict.
  expect(after.counts).toEqual(before.counts);
  type Vm = { gate: string };
  const facts = (report: { clusters: { verdict: string; vms: Vm[] }[] }) =>
    report.clusters.map((c) => [c.verdict, c.vms.map(({ gate: _, ...vm }) => vm)]);
  expect(facts(after)).toEqual(facts(before));
  // And diff of the two reports of an unchanged cluster finds nothing.
  const unchanged = join(dir, 'unchanged.json');
  writeFileSync(unchanged, same.stdout);
  const diff = await run(['diff', baseline, unchanged]);
  expect(diff.stdout).toMatch(/^Changes from .*:\n {2}none\n/);
  expect(diff.code).toBe(0);

  const config = readFileSync(join(dir, 'clusters.yaml'), 'utf8')
    .replace('facts: { release: "2022", edition: Standard,', 'facts: { release: "2022", edition: Datacenter,')
    .replace(
      'name: BR02\n        facts: { release: "2025", edition: Datacenter, activated: true',
      'name: BR02\n        facts: { release: "2025", edition: Datacenter, activated: false',
    );
  writeFileSync(join(dir, 'clusters.yaml'), config);
  const changed = await run(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--baseline', baseline]);
  expect(changed.stdout).toMatch(
    /· baseline .*baseline\.json applied: 1 new finding, \d+ already in it, 1 gone since\n· gone since the baseline: host-not-datacenter hv-prod\/HV04/,
  );
  expect(changed.stdout).toMatch(/Cluster hv-branch: AT RISK/);
  expect(changed.code).toBe(1);
});

it('an ignore file that cannot be used is a usage error naming its line', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'ignore.yaml'), 'ignore:\n  - rule: kvp-disabled\n');
  const result = await run([
    'check',
    '-c',
    join(dir, 'clusters.yaml'),
    '--ignore-file',
    join(dir, 'ignore.yaml'),
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /ignore\.yaml:2:\d+: ignore\[0\]\.reason: required \(expected a reason: say why/,
  );
});

it('a baseline that is not a run report says what it is', async () => {
  const dir = workspace();
  const plan = join(dir, 'plan.json');
  await run(['plan', '-c', join(dir, 'clusters.yaml'), ...NOW, '--drain', 'HV01', '-f', 'json', '-o', plan]);
  const result = await run(['check', '-c', join(dir, 'clusters.yaml'), '--baseline', plan]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/plan\.json: a plan report, not a run report/);
});
