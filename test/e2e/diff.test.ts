import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/analyze/diff.js';
import { run } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';

describe('diffReports', () => {
  it('finds nodes added, removed, upgraded, activation lost, and VMs newly at risk or recovered', () => {
    const node = (name: string, release: string, activated = true) => ({
      name,
      release,
      edition: 'datacenter',
      activated,
    });
    const before = [
      {
        name: 'c',
        nodes: [node('N1', '2019'), node('N2', '2022'), node('N3', '2022')],
        vms: [
          { name: 'a', verdict: 'safe' },
          { name: 'b', verdict: 'at-risk' },
          { name: 'gone', verdict: 'safe' },
        ],
      },
    ];
    const after = [
      {
        name: 'c',
        nodes: [node('N1', '2022'), node('n2', '2022', false), node('N4', '2025')],
        vms: [
          { name: 'a', verdict: 'at-risk' },
          { name: 'b', verdict: 'safe' },
          { name: 'new', verdict: 'unknown' },
        ],
      },
    ];
    expect(diffReports(before, after).map((c) => c.kind)).toEqual([
      'release-changed',
      'activation-lost',
      'node-added',
      'node-removed',
      'vm-newly-at-risk',
      'vm-recovered',
      'vm-added',
      'vm-removed',
    ]);
  });
});

describe('avma-check diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avma-diff-'));
  const old = join(dir, 'old.json');
  const snapshot = join(dir, 'snapshot.json');
  const setUp = () =>
    run([
      'check',
      '-c',
      join(ROOT, 'clusters.example.yaml'),
      '--now',
      '2026-11-22',
      '-f',
      'json',
      '-o',
      old,
      '--save-snapshot',
      snapshot,
    ]);

  it('compares two reports, or a snapshot with a report; exit 1 when a VM is newly at risk', async () => {
    await setUp();
    const same = await run(['diff', old, snapshot, '--now', '2026-11-22']);
    expect(same.stdout).toMatch(/ {2}none\nVerdict: PASS: no VM newly at risk \(exit code 0\)\n$/);
    expect(same.code).toBe(0);
    const changed = JSON.parse(readFileSync(old, 'utf8'));
    changed.clusters[1].vms[0].verdict = 'at-risk';
    changed.clusters[0].nodes[2].release = '2022';
    const newer = join(dir, 'new.json');
    writeFileSync(newer, JSON.stringify(changed));
    const result = await run([
      'diff',
      old,
      newer,
      '-f',
      'text',
      '-o',
      '-',
      '-f',
      'json',
      '-o',
      join(dir, 'diff.json'),
    ]);
    expect(result.stdout).toMatch(
      / {2}node hv-prod\/HV03: release 2019 -> 2022\n {2}✗ VM hv-branch\/file01: newly at risk\nVerdict: FAIL: 1 VM newly at risk \(exit code 1\)/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8'))).toMatchObject({
      verdict: 'fail',
      exitCode: 1,
    });
    expect(result.code).toBe(1);
  });

  it('a new VM, or a new cluster, at risk is newly at risk too', async () => {
    await setUp();
    const before = JSON.parse(readFileSync(old, 'utf8'));
    const smaller = {
      ...before,
      clusters: [
        {
          ...before.clusters[0],
          vms: before.clusters[0].vms.filter((v: { verdict: string }) => v.verdict !== 'at-risk'),
        },
      ],
    };
    const earlier = join(dir, 'smaller.json');
    writeFileSync(earlier, JSON.stringify(smaller));
    const result = await run(['diff', earlier, old, '-f', 'markdown']);
    expect(result.stdout).toMatch(/^## ❌ avma-check diff: FAIL: 3 VMs newly at risk/);
    expect(result.stdout).toMatch(/- ❌ VM hv-prod\/web01 added \(at-risk\)/);
    expect(result.code).toBe(1);
  });

  it('refuses a file that is neither', async () => {
    const result = await run(['diff', join(ROOT, 'package.json'), join(ROOT, 'package.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/package\.json: not a JSON report of avma-check/);
  });
});
