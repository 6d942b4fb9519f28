// Nodes that misbehave below the collector, scanned next to healthy ones over real SSH on loopback: each ends with
// one error kind and a message that says what happened, the healthy nodes' results are kept, memory stays bounded,
// and the scan ends within its timeouts (connect 1 s, command 3 s, two retries).
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import type { NodeErrorKind } from '../../src/model/facts.js';
import type { SimFault } from '../../src/sim/faults.js';
import { SIM_PASSWORD } from '../../src/sim/keys.js';
import { FAULT_SPEC, nodeOf, type SimScan, simScan } from '../helpers/sim-scan.js';

function expectOthersComplete(result: SimScan): void {
  for (const name of ['OK1', 'OK2', 'OK3']) {
    expect(nodeOf(result, name)?.error, name).toBeNull();
    expect(nodeOf(result, name)?.facts?.release, name).not.toBeNull();
  }
  const vms = result.snapshot.clusters[0]?.vms ?? [];
  expect(vms.find((vm) => vm.name === 'on-ok1')?.guest?.release).toBe('2016');
}

function attemptsOf(result: SimScan, name: string): number {
  const event = result.events.find((e) => e.type === 'node-finished' && e.node.name === name);
  return event?.type === 'node-finished' ? event.attempts : 0;
}

const withPassword = (config: Config): Config => ({
  ...config,
  defaults: { ...config.defaults, ssh: { ...config.defaults?.ssh, passwordEnv: 'AVMA_TEST_PW' } },
});

interface Case {
  fault: SimFault;
  kind: NodeErrorKind;
  message: RegExp;
  hint: RegExp;
  attempts: number;
  /** What its timeouts allow (connect 1 s or command 3 s, per attempt), times three for a loaded machine. */
  withinMs: number;
}

const CASES: Case[] = [
  {
    fault: 'endless-banner',
    kind: 'unreachable',
    message: /^127\.0\.0\.\d+:\d+ does not speak SSH as an SSH server does: Max greeting lines exceeded$/,
    hint: /Something other than OpenSSH Server may answer on TCP port \d+.*ssh -v -p \d+ 127\.0\.0\.\d+/,
    attempts: 1,
    withinMs: 3 * 1000,
  },
  {
    fault: 'kex-stall',
    kind: 'timeout',
    message: /^no SSH handshake from 127\.0\.0\.\d+:\d+ within 1 s$/,
    hint: /does not speak SSH/,
    attempts: 3,
    withinMs: 3 * (3 * 1000 + 150),
  },
  {
    fault: 'close-after-kex',
    kind: 'unreachable',
    message: /^127\.0\.0\.\d+:\d+ closed the connection after the key exchange, before the login completed$/,
    hint: /Event Viewer: Applications and Services Logs > OpenSSH > Operational/,
    attempts: 3,
    withinMs: 3 * (3 * 1000 + 150),
  },
  {
    fault: 'password-only',
    kind: 'auth',
    message: /refused the login of user avma-scan \(it accepts: password\)$/,
    hint: /^It takes no key login, only a password: .* ssh\.passwordEnv\.$/,
    attempts: 1,
    withinMs: 3 * 1000,
  },
  {
    fault: 'keyboard-interactive',
    kind: 'auth',
    message: /refused the login of user avma-scan \(it accepts: keyboard-interactive\)$/,
    hint: /^It takes only logins that ask questions \(keyboard-interactive\), which avma-check never answers/,
    attempts: 1,
    withinMs: 3 * 1000,
  },
  {
    fault: 'stall',
    kind: 'timeout',
    message: /^the collector did not finish within 3 s$/,
    hint: /commandTimeoutSeconds/,
    attempts: 1,
    withinMs: 3 * 3000,
  },
];

describe('hostile transports', () => {
  it.each(CASES)(
    '$fault: $kind, within its timeouts',
    async ({ fault, kind, message, hint, attempts, withinMs }) => {
      const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault } } });
      expect(nodeOf(result, 'BAD')?.error).toEqual({
        kind,
        message: expect.stringMatching(message),
        hint: expect.stringMatching(hint),
      });
      expect(attemptsOf(result, 'BAD')).toBe(attempts);
      expect(result.ms).toBeLessThan(withinMs);
      expectOthersComplete(result);
      expect(result.sim.stats('BAD').authMethods).not.toContain('keyboard-interactive');
    },
  );

  it('a node that asks keyboard-interactive questions never gets an answer, not even the password', async () => {
    const result = await simScan(
      FAULT_SPEC,
      { faults: { BAD: { fault: 'keyboard-interactive' } } },
      { env: { AVMA_TEST_PW: SIM_PASSWORD } },
      withPassword,
    );
    expect(nodeOf(result, 'BAD')?.error?.kind).toBe('auth');
    expect(result.sim.stats('BAD').authMethods).toEqual(['publickey']);
    expect(result.ms).toBeLessThan(3000);
    expectOthersComplete(result);
  });

  it('a node that takes only a password gets it when the config names one', async () => {
    const result = await simScan(
      FAULT_SPEC,
      { faults: { BAD: { fault: 'password-only' } } },
      { env: { AVMA_TEST_PW: SIM_PASSWORD } },
      withPassword,
    );
    expect(nodeOf(result, 'BAD')?.error).toBeNull();
    expect(result.sim.stats('BAD').authMethods).toEqual(['publickey', 'password']);
  });
});

describe('output without end', () => {
  const MAX = 4 * 1024 * 1024;
  it.each([
    ['flood', /^the node sent more than 4 MiB of output; the rest was not read$/],
    ['flood-stderr', /^the node sent more than 4 MiB of error output \(stderr\); the rest was not read$/],
  ] as const)('%s: cut at the bound as bad-output, memory bounded', async (fault, message) => {
    const before = process.memoryUsage().rss;
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault } } }, { maxOutputBytes: MAX });
    expect(nodeOf(result, 'BAD')?.error).toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(message),
    });
    // The node would have sent without end: the scan stopped reading at the bound, and holds no more than that.
    const sent = result.sim.stats('BAD').bytesSent;
    expect(sent).toBeGreaterThan(MAX);
    expect(sent).toBeLessThan(MAX + 24 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(result.ms).toBeLessThan(3 * 3000);
    expectOthersComplete(result);
  });
});
