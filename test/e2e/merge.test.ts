// Fleets past one runner: a snapshot per cluster, merged, then judged as one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-merge-'));
const example = readFileSync(join(ROOT, 'clusters.example.yaml'), 'utf8');
const [head = '', prodPart = '', branchPart = ''] = example.split(/\n(?= {2}- name: hv-)/);

it('a snapshot per cluster, merged, gives the verdicts of both clusters judged together', async () => {
  const prod = join(dir, 'prod.yaml');
  const branch = join(dir, 'branch.yaml');
  writeFileSync(prod, `${head}\n${prodPart}\n`);
  writeFileSync(branch, `${head}\n${branchPart}\n`);
  for (const [file, out] of [
    [prod, 'prod.json'],
    [branch, 'branch.json'],
  ] as const)
    expect(
      (
        await run([
          'check',
          '-c',
          file,
          '--now',
          '2026-11-22',
          '--save-snapshot',
          join(dir, out),
          '-o',
          '/dev/null',
        ])
      ).stderr,
    ).toBe('');
  const merged = await run([
    'merge',
    join(dir, 'prod.json'),
    join(dir, 'branch.json'),
    '-o',
    join(dir, 'fleet.json'),
  ]);
  expect(merged).toMatchObject({ code: 0, stderr: 'Merged 2 snapshots: 2 clusters.\n' });
  const fleet = await run([
    'check',
    '--snapshot',
    join(dir, 'fleet.json'),
    '--now',
    '2026-11-22',
    '-f',
    'json',
  ]);
  const whole = await run([
    'check',
    '-c',
    join(ROOT, 'clusters.example.yaml'),
    '--now',
    '2026-11-22',
    '-f',
    'json',
  ]);
  expect(fleet.code).toBe(whole.code);
  expect(JSON.parse(fleet.stdout).clusters).toEqual(JSON.parse(whole.stdout).clusters);
});

it('refuses a cluster that two snapshots hold with different facts, and writes nothing', async () => {
  const a = join(dir, 'a.yaml');
  writeFileSync(a, `${head}\n${prodPart}\n`);
  writeFileSync(join(dir, 'b.yaml'), `${head}\n${prodPart.replace('activated: false', 'activated: true')}\n`);
  await run(['check', '-c', a, '--save-snapshot', join(dir, 'a.json'), '-o', '/dev/null']);
  await run(['check', '-c', join(dir, 'b.yaml'), '--save-snapshot', join(dir, 'b.json'), '-o', '/dev/null']);
  const result = await run(['merge', join(dir, 'a.json'), join(dir, 'b.json'), '-o', join(dir, 'ab.json')]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/cluster hv-prod is in .*a\.json and in .*b\.json with different facts/);
  expect(() => readFileSync(join(dir, 'ab.json'))).toThrow();
});

it('refuses to write over one of its inputs', async () => {
  const result = await run([
    'merge',
    join(dir, 'prod.json'),
    join(dir, 'branch.json'),
    '-o',
    join(dir, 'prod.json'),
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/it is the snapshot .*prod\.json this run reads/);
});

it('takes one snapshot (a matrix where the other jobs left none): the fleet of one judges as that cluster', async () => {
  const one = join(dir, 'one.yaml');
  writeFileSync(one, `${head}\n${branchPart}\n`);
  await run([
    'check',
    '-c',
    one,
    '--now',
    '2026-11-22',
    '--save-snapshot',
    join(dir, 'one.json'),
    '-o',
    '/dev/null',
  ]);
  const merged = await run(['merge', join(dir, 'one.json'), '-o', join(dir, 'fleet-of-one.json')]);
  expect(merged).toMatchObject({ code: 0, stderr: 'Merged 1 snapshot: 1 cluster.\n' });
  const judged = (file: string) => run(['check', '--snapshot', file, '--now', '2026-11-22', '-f', 'json']);
  const [fleet, alone] = await Promise.all([
    judged(join(dir, 'fleet-of-one.json')),
    judged(join(dir, 'one.json')),
  ]);
  expect(fleet.code).toBe(alone.code);
  expect(JSON.parse(fleet.stdout).clusters).toEqual(JSON.parse(alone.stdout).clusters);
});
