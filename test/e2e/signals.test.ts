// SIGINT and SIGTERM while several nodes are mid-answer: the scan ends within a second or two, reports what was
// gathered, exits 130 or 143, and leaves no connection open and no process behind.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { run, TestSignals } from '../helpers/main.js';
import { ROOT } from '../helpers/run-cli.js';
import { writeSimConfig } from '../helpers/sim-config.js';

const QUICK = ['N1', 'N2'];
const MID_ANSWER = ['S1', 'S2', 'S3', 'S4'];
const spec: SimClusterSpec = {
  name: 'sig',
  hosts: [...QUICK, ...MID_ANSWER].map((name) => ({ name, release: '2022', edition: 'Datacenter' })),
  vms: [{ name: 'app', owner: 'N1', guest: { release: '2022', edition: 'Standard' } }],
};

let served: ServedCluster;
let config = '';

beforeAll(async () => {
  served = await serveSpec(spec, {
    firstOctet: 100,
    faults: {
      // Two print half their answer and hang; two have not started printing.
      S1: { fault: 'stall' },
      S2: { fault: 'stall' },
      S3: { fault: 'slow', delayMs: 120_000 },
      S4: { fault: 'slow', delayMs: 120_000 },
    },
  });
  config = writeSimConfig(served, { commandTimeoutSeconds: 120 });
});

afterAll(() => served.close());

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The quick nodes have answered and hung up; the others are connected, mid-answer. */
const midScan = () =>
  QUICK.every((name) => served.sim.stats(name).accepted > 0 && served.sim.stats(name).open === 0) &&
  MID_ANSWER.every((name) => served.sim.stats(name).open === 1);

function expectGathered(stdout: string, signal: string, code: number): void {
  expect(stdout).toMatch(/· N1 +2022 +Datacenter/);
  expect(stdout).toMatch(/· N2 +2022 +Datacenter/);
  for (const name of MID_ANSWER)
    expect(stdout).toMatch(
      new RegExp(`\\? ${name} +timeout: the scan was interrupted before this node answered`),
    );
  expect(stdout).toMatch(new RegExp(`the scan was interrupted \\(${signal}\\).*exit code ${code}\\)`));
}

describe('stop signals mid-scan', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'the bin: %s ends it within two seconds, exit %i, no socket and no process left',
    async (signal, code) => {
      // Its own process group: anything it started would still be found in the group after it exits.
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/avma-check'), 'scan', '-c', config, '--now', '2026-11-22', '--unknown', 'pass'],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, detached: true },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.resume();
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        await until(midScan);
        const sent = performance.now();
        child.kill(signal);
        const exit = await exited;
        expect(performance.now() - sent).toBeLessThan(2000);
        expect(exit).toBe(code);
        expectGathered(stdout, signal, code);
        expect(() => process.kill(-(child.pid as number), 0)).toThrow(/ESRCH/);
        await until(() => served.sim.openConnections() === 0, 1000);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
  );

  it('in-process: every connection is closed by the scan itself, before it returns', async () => {
    const signals = new TestSignals();
    const running = run(['scan', '-c', config, '--now', '2026-11-22'], { signals });
    await until(midScan);
    const sent = performance.now();
    signals.send('SIGINT');
    const result = await running;
    expect(performance.now() - sent).toBeLessThan(2000);
    expect(result.code).toBe(130);
    expectGathered(result.stdout, 'SIGINT', 130);
    // This process is still running: only the scan closing its sockets can bring the count down.
    await until(() => served.sim.openConnections() === 0, 1000);
    expect(signals.listening).toBe(false);
  });
});
