// `npm pack` ships a package that installs on its own and runs: nothing it needs is left out of `files`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  // Files the bundle reads beside itself at run time: the collector (demo scans over SSH with it), yargs'
  // translations, package.json for --version.
  let demo = '';
  try {
    execFileSync(bin, ['demo', '--no-tui'], quiet);
  } catch (error) {
    demo = (error as { stdout: string }).stdout;
  }
  expect(demo).toMatch(/^Verdict: FAIL/m);
  const help = execFileSync(bin, ['--help'], { ...quiet, env: { ...process.env, LANG: 'de_DE.UTF-8' } });
  expect(help).toMatch(/^Kommandos:/m);
  expect(execFileSync(bin, ['--version'], quiet).trim()).toBe(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  );
});
