// avma-check plan through the real CLI path: every format reports every step, and the verdict and exit code are
// the worst step's from the first on, the state before the plan shown for comparison.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGithub, readJunit, validateJunit } from '../helpers/formats.js';
import { run } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';

const NOW = ['--now', '2026-11-22'];
const dir = mkdtempSync(join(tmpdir(), 'avma-plan-'));
const example = ['-c', join(ROOT, 'clusters.example.yaml')];
// A rolling upgrade from 2019 to 2022 with N1 done: the 2022 guests are at risk on N2 and N3 until they are too.
const rolling = join(dir, 'rolling.yaml');
writeFileSync(
  rolling,
  `clusters:
  - name: c
    nodes:
      - { name: N1, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
      - { name: N2, facts: { release: "2019", edition: Datacenter, activated: true, hyperV: true } }
      - { name: N3, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
    vms:
      - { name: new, possibleOwners: [N1, N2], guest: { release: "2022" } }
      - { name: old, possibleOwners: [N1, N3], guest: { release: "2019" } }
`,
);

describe('avma-check plan', () => {
  it('a plan that fixes the cluster passes, though the state before it fails (shown for comparison)', async () => {
    const result = await run(['plan', '-c', rolling, ...NOW, '--upgrade', 'N2=2022']);
    expect(result.stdout).toMatch(
      /^Plan: 1 step\n {2}before {2}FAIL: 1 at risk, 0 unknown, 1 safe \(for comparison/,
    );
    expect(result.stdout).toMatch(/ {2}1 +upgrade N2 to Windows Server 2022: PASS: 0 at risk/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Verdict: PASS: every step keeps .*exit code 0\)$/,
    );
    expect(result.code).toBe(0);
  });

  it('a step in the middle that puts a VM at risk fails the plan in every format', async () => {
    const file = join(dir, 'window.yaml');
    writeFileSync(file, 'steps:\n  - upgrade: { N2: "2022" }\n  - drain: [N1, N3]\n  - resume: [N1, N3]\n');
    const formats = ['text', 'json', 'junit', 'markdown', 'github'];
    const outputs = formats.map((f) => join(dir, `plan.${f}`));
    const result = await run([
      'plan',
      '-c',
      rolling,
      ...NOW,
      '--plan-file',
      file,
      ...formats.flatMap((f, i) => ['-f', f, '-o', outputs[i] as string]),
    ]);
    expect(result.code).toBe(1);
    const [text, json, junit, markdown, github] = outputs.map((o) => readFileSync(o, 'utf8')) as string[];
    expect(text).toMatch(/Verdict: FAIL: at step 2 \(drain N1, drain N3\), 1 VM at risk/);
    const plan = JSON.parse(json as string);
    expect([plan.verdict, plan.exitCode, plan.worstStep]).toEqual(['fail', 1, 2]);
    expect(plan.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['pass', 'fail', 'pass']);
    validateJunit(junit as string);
    const suites = readJunit(junit as string);
    expect(suites.suites.map((s) => s.name)).toEqual([
      'step 1: upgrade N2 to Windows Server 2022',
      'step 2: drain N1, drain N3',
      'step 3: resume N1, resume N3',
    ]);
    expect(suites.failures).toBeGreaterThan(0);
    expect(markdown?.split('\n')[0]).toBe('## ❌ avma-check plan: FAIL');
    expect(markdown).toMatch(
      /### Step 1: upgrade N2 to Windows Server 2022 \(PASS\)[\s\S]*### Step 2: drain N1, drain N3 \(FAIL\)/,
    );
    const annotations = readGithub(github as string);
    expect(annotations.error.join('\n')).toMatch(
      /title=step 2 \(drain N1%2C drain N3\)%3A AVMA%3A old at risk/,
    );
  });

  it('a plan file, with JSON output: each step, its changes and the final state', async () => {
    const file = join(dir, 'example-window.yaml');
    writeFileSync(
      file,
      'steps:\n  - name: fix the Standard node\n    edition: { HV04: Datacenter }\n  - name: reactivate\n    evict: HV05\n  - upgrade: { HV03: "2022" }\n',
    );
    const result = await run(['plan', ...example, ...NOW, '--plan-file', file, '--format', 'json']);
    const plan = JSON.parse(result.stdout);
    expect(plan.kind).toBe('avma-check-plan');
    expect(plan.steps.map((s: { title: string; recovered: string[] }) => [s.title, s.recovered])).toEqual([
      ['fix the Standard node', []],
      ['reactivate', []],
      ['upgrade HV03 to Windows Server 2022', ['hv-prod/web01']],
    ]);
    expect(plan.final.clusters[0].nodes.map((n: { name: string }) => n.name)).not.toContain('HV05');
    expect(plan.final.verdict).toBe(plan.steps.at(-1).verdict);
  });

  it('honours an ignore file: accepted findings decide no step', async () => {
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(
      ignore,
      'ignore:\n  - { rule: guest-newer-than-host, vm: app2025, reason: app2025 moves away }\n  - { rule: kvp-disabled, reason: legacy01 retires }\n',
    );
    const args = ['--ignore-file', ignore, '--evict', 'HV04', '--evict', 'HV05', '--format', 'json'];
    const result = await run(['plan', ...example, ...NOW, ...args]);
    const plan = JSON.parse(result.stdout);
    expect(plan.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['fail', 'fail']);
    expect(result.code).toBe(1);
  });

  it("markdown and github say a step's warnings and the ignore file's expired entries, as check does", async () => {
    const config = join(dir, 'two.yaml');
    writeFileSync(
      config,
      `clusters:
  - name: c1
    nodes:
      - { name: A, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
      - { name: B, facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true } }
    vms:
      - { name: v1, owner: A, guest: { release: "2022" } }
`,
    );
    const ignore = join(dir, 'expired.yaml');
    writeFileSync(ignore, 'ignore:\n  - { rule: kvp-disabled, vm: v1, reason: old, expires: 2026-01-01 }\n');
    // Evicting B leaves v1 one node: a warning (single-failover-target) that --fail-on warning counts.
    const args = [
      'plan',
      '-c',
      config,
      ...NOW,
      '--ignore-file',
      ignore,
      '--evict',
      'B',
      '--fail-on',
      'warning',
    ];
    const markdown = await run([...args, '-f', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(
      /### Step 1: evict B \(FAIL\)[\s\S]*### Warnings[\s\S]*v1 can run only on A `single-failover-target`/,
    );
    expect(markdown.stdout).toMatch(/suppression-expired/);
    expect(markdown.stdout).toContain(ignore);
    // The VMs stay activatable; the warning that fails the step is named right after.
    expect(markdown.stdout).toMatch(
      /Step 1: evict B \(FAIL\)\n\nEvery VM that uses AVMA stays activatable at this step.\n\n### Warnings/,
    );
    const github = await run([...args, '-f', 'github']);
    expect(github.code).toBe(1);
    expect(readGithub(github.stdout).error.join('\n')).toMatch(/single-failover-target/);
    const passing = await run([
      'plan',
      '-c',
      config,
      ...NOW,
      '--ignore-file',
      ignore,
      '--evict',
      'B',
      '-f',
      'github',
    ]);
    expect(passing.code).toBe(0);
    expect(readGithub(passing.stdout).notice.join('\n')).toMatch(/expired/);
  });

  it('--suggest-order shows each drain as a step of its own', async () => {
    const result = await run(['plan', '-c', rolling, ...NOW, '--suggest-order']);
    expect(result.stdout).toMatch(/ {2}1 +drain N2 for its upgrade: /);
    expect(result.stdout).toMatch(/ {2}2 +upgrade N2 to Windows Server 2022, then resume it: PASS/);
    expect(result.stdout).toMatch(/1\. drain c\/N2, upgrade it to Windows Server 2022, resume it/);
  });

  it.each([
    [['--drain', 'HV99'], /no node "HV99"\n\s+known nodes: hv-prod\/HV01/],
    [['--upgrade', 'HV03'], /--upgrade HV03: expected NODE=VALUE/],
    [['--upgrade', 'HV03=2030'], /not a release avma-check can plan/],
    [[], /no change to plan/],
    [['--add-node', 'HV06=2025'], /cannot tell which cluster HV06 joins/],
    [['--drain', 'HV04', '-f', 'sarif'], /Invalid values:[\s\S]*format/],
  ])('%j is a usage error', async (flags, message) => {
    const result = await run(['plan', ...example, ...NOW, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
