import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/analyze/diff.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('diffReports', () => {
  it('finds nodes added, removed, upgraded, activation lost, and VMs newly at risk or recovered', () => {
    const before = [
      {
        name: 'c',
        nodes: [
          { name: 'N1', release: '2019', edition: 'datacenter', activated: true },
          { name: 'N2', release: '2022', edition: 'datacenter', activated: true },
          { name: 'N3', release: '2022', edition: 'datacenter', activated: true },
        ],
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
        nodes: [
          { name: 'N1', release: '2022', edition: 'datacenter', activated: true },
          { name: 'n2', release: '2022', edition: 'datacenter', activated: false },
          { name: 'N4', release: '2025', edition: 'datacenter', activated: true },
        ],
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
  it('compares two reports, or a snapshot with a report; exit 1 when a VM is newly at risk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avma-diff-'));
    const old = join(dir, 'old.json');
    const snapshot = join(dir, 'snapshot.json');
    await runCli([
      'check',
      '-c',
      join(ROOT, 'clusters.example.yaml'),
      '--now',
      '2026-11-22',
      '--format',
      'json',
      '-o',
      old,
      '--save-snapshot',
      snapshot,
    ]);
    const same = await runCli(['diff', old, snapshot]);
    expect(same.stdout).toBe('No changes.\n');
    expect(same.code).toBe(0);
    const changed = JSON.parse(readFileSync(old, 'utf8'));
    changed.clusters[1].vms[0].verdict = 'at-risk';
    changed.clusters[0].nodes[2].release = '2022';
    const newer = join(dir, 'new.json');
    writeFileSync(newer, JSON.stringify(changed));
    const result = await runCli(['diff', old, newer]);
    expect(result.stdout).toBe(
      '  node hv-prod/HV03: release 2019 -> 2022\n  VM hv-branch/file01: newly at risk\n',
    );
    expect(result.code).toBe(1);
  });

  it('refuses a file that is neither', async () => {
    const result = await runCli(['diff', join(ROOT, 'package.json'), join(ROOT, 'package.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/package\.json: neither an avma-check JSON report nor a snapshot/);
  });
});
