// `npm pack` ships a package that installs on its own and runs: nothing it needs is left out of `files`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

it('the packed tarball installs and runs', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'avma-check-pack-'));
  const quiet = {
    cwd: dir,
    encoding: 'utf8' as const,
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
  const tarball =
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir, ROOT], quiet)
      .trim()
      .split('\n')
      .at(-1) ?? '';
  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true}');
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball)], quiet);
  const bin = join(dir, 'node_modules', '.bin', 'avma-check');
  expect(execFileSync(bin, ['rules'], quiet)).toMatch(/^host-not-datacenter +error/m);
  const example = join(dir, 'node_modules', 'avma-check', 'clusters.example.yaml');
  let code = 0;
  try {
    execFileSync(bin, ['check', '--config', example], quiet);
  } catch (error) {
    code = (error as { status: number }).status;
  }
  expect(code).toBe(1);
});
