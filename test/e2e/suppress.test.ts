import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const NOW = ['--now', '2026-11-22'];

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'avma-suppress-'));
  copyFileSync(join(ROOT, 'clusters.example.yaml'), join(dir, 'clusters.yaml'));
  return dir;
}

it('.avma-ignore.yaml beside the config suppresses with a reason; an expired entry says so and stops working', async () => {
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
  const result = await runCli(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--format', 'json']);
  expect(result.stderr).toMatch(
    /\.avma-ignore\.yaml:4: the suppression of host-not-datacenter expired on 2026-11-01; it no longer applies/,
  );
  const report = JSON.parse(result.stdout);
  const vms = Object.fromEntries(
    report.clusters[0].vms.map((vm: { name: string; verdict: string }) => [vm.name, vm.verdict]),
  );
  expect(vms).toMatchObject({ app2025: 'safe', legacy01: 'safe', web01: 'at-risk' });
  expect(report.clusters[0].findings).toContainEqual(
    expect.objectContaining({
      rule: 'kvp-disabled',
      vm: 'legacy01',
      suppressed: { reason: 'legacy01 is retired on Friday', expires: null },
    }),
  );
  expect(result.code).toBe(1);
});

it('--baseline fails only on new findings and lists those gone', async () => {
  const dir = workspace();
  const baseline = join(dir, 'baseline.json');
  await runCli(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--format', 'json', '--output', baseline]);
  const same = await runCli(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--baseline', baseline]);
  expect(same.code).toBe(0);
  expect(same.stderr).toMatch(/Since the baseline: 0 findings gone/);
  const config = readFileSync(join(dir, 'clusters.yaml'), 'utf8')
    .replace('facts: { release: "2022", edition: Standard,', 'facts: { release: "2022", edition: Datacenter,')
    .replace(
      'name: BR02\n        facts: { release: "2025", edition: Datacenter, activated: true',
      'name: BR02\n        facts: { release: "2025", edition: Datacenter, activated: false',
    );
  writeFileSync(join(dir, 'clusters.yaml'), config);
  const changed = await runCli(['check', '-c', join(dir, 'clusters.yaml'), ...NOW, '--baseline', baseline]);
  expect(changed.stderr).toMatch(
    /Since the baseline: 1 finding gone\n {2}- host-not-datacenter hv-prod\/HV04/,
  );
  expect(changed.stdout).toMatch(/Cluster hv-branch: AT RISK/);
  expect(changed.stdout).not.toMatch(/Cluster hv-prod: AT RISK/);
  expect(changed.code).toBe(1);
});

it('an ignore file that cannot be used is a usage error naming its line', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'ignore.yaml'), 'ignore:\n  - rule: kvp-disabled\n');
  const result = await runCli([
    'check',
    '-c',
    join(dir, 'clusters.yaml'),
    '--ignore-file',
    join(dir, 'ignore.yaml'),
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/ignore\.yaml:2:\d+: ignore\[0\]\.reason: required: say why/);
});
