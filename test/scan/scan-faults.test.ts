// Every fault a node can have, against real SSH servers on loopback: the failed node gets the right kind and
// a message an admin can act on, and every other node's results are complete.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { NodeErrorKind } from '../../src/model/facts.js';
import type { SimFault } from '../../src/sim/faults.js';
import { FAULT_SPEC, nodeOf, type SimScan, simScan } from '../helpers/sim-scan.js';

function expectOthersComplete(result: SimScan): void {
  for (const name of ['OK1', 'OK2', 'OK3']) {
    const node = nodeOf(result, name);
    expect(node?.error, name).toBeNull();
    expect(node?.facts?.release, name).not.toBeNull();
  }
  const vms = result.snapshot.clusters[0]?.vms ?? [];
  expect(vms.map((vm) => vm.name)).toEqual(['on-bad', 'on-ok1', 'on-ok2']);
  expect(vms.find((vm) => vm.name === 'on-ok1')?.guest?.release).toBe('2016');
  expect(vms.find((vm) => vm.name === 'on-ok2')?.guest?.release).toBe('2019');
}

const CASES: { fault: SimFault; kind: NodeErrorKind; message: RegExp; hint?: RegExp; delayMs?: number }[] = [
  {
    fault: 'silent',
    kind: 'timeout',
    message: /no SSH handshake from 127\.0\.0\.\d+:\d+ within 1 s/,
    hint: /does not speak SSH/,
  },
  {
    fault: 'refuse',
    kind: 'unreachable',
    message: /connection refused by 127\.0\.0\.\d+:\d+/,
    hint: /OpenSSH Server installed/,
  },
  {
    fault: 'drop-clean',
    kind: 'command-failed',
    message: /the connection closed before the collector finished/,
  },
  {
    fault: 'drop-reset',
    kind: 'command-failed',
    message: /the connection closed before the collector finished/,
  },
  { fault: 'slow', kind: 'timeout', message: /the collector did not finish within 3 s/, delayMs: 6000 },
  { fault: 'malformed', kind: 'bad-output', message: /not valid JSON/ },
  {
    fault: 'command-fails',
    kind: 'command-failed',
    message: /the collector failed: Get-CimInstance : Access denied/,
  },
  {
    fault: 'host-key',
    kind: 'host-key',
    message: /THE HOST KEY OF \[127\.0\.0\.\d+\]:\d+ HAS CHANGED/,
    hint: /ssh-keygen -R/,
  },
  {
    fault: 'auth-reject',
    kind: 'auth',
    message: /refused the login of user avma-scan/,
    // Both places Windows OpenSSH reads, for an administrator and for the least-rights account, named for the user.
    hint: /avma-scan.*in the Administrators group.*C:\\ProgramData\\ssh\\administrators_authorized_keys.*any other account.*C:\\Users\\avma-scan\\\.ssh\\authorized_keys/,
  },
];

describe('scan faults', () => {
  it.each(CASES)('$fault: $kind', async ({ fault, kind, message, hint, delayMs }) => {
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault, ...(delayMs && { delayMs }) } } });
    const bad = nodeOf(result, 'BAD');
    expect(bad?.error?.kind).toBe(kind);
    expect(bad?.error?.message).toMatch(message);
    if (hint) expect(bad?.error?.hint).toMatch(hint);
    expect(bad?.facts).toBeNull();
    expectOthersComplete(result);
    const report = analyze(result.snapshot.clusters, { now: new Date('2026-11-22') });
    const onBad = report.clusters[0]?.vms
      .find((vm) => vm.name === 'on-ok1')
      ?.targets.find((t) => t.node === 'BAD');
    expect(onBad).toEqual({ node: 'BAD', verdict: 'unknown', rules: ['node-unreachable'] });
  });

  it('retries a refused connection with backoff, and not a rejected login', async () => {
    const refused = await simScan(FAULT_SPEC, { faults: { BAD: { fault: 'refuse' } } });
    const refusedEvent = refused.events.find((e) => e.type === 'node-finished' && e.node.name === 'BAD');
    expect(refusedEvent?.type === 'node-finished' && refusedEvent.attempts).toBe(3);
    const rejected = await simScan(FAULT_SPEC, { faults: { BAD: { fault: 'auth-reject' } } });
    const rejectedEvent = rejected.events.find((e) => e.type === 'node-finished' && e.node.name === 'BAD');
    expect(rejectedEvent?.type === 'node-finished' && rejectedEvent.attempts).toBe(1);
  });

  it('an unknown host key fails the node, and --accept-new-host-keys records it', async () => {
    const strict = await simScan(FAULT_SPEC, { unknownHostKeys: ['BAD'] });
    expect(nodeOf(strict, 'BAD')?.error).toMatchObject({
      kind: 'host-key',
      message: expect.stringMatching(/is not in .*known_hosts/),
    });
    expect(nodeOf(strict, 'BAD')?.error?.hint).toMatch(/--accept-new-host-keys/);
    expectOthersComplete(strict);
  });

  it('streams more output than the bound: bad-output, memory stays bounded', async () => {
    const before = process.memoryUsage().rss;
    const result = await simScan(
      FAULT_SPEC,
      { faults: { BAD: { fault: 'flood' } } },
      { maxOutputBytes: 8 * 1024 * 1024 },
    );
    expect(nodeOf(result, 'BAD')?.error).toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(/more than 8 MiB of output/),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expectOthersComplete(result);
  });

  it('a node whose probes fail still reports the facts it could read', async () => {
    const spec = {
      ...FAULT_SPEC,
      hosts: FAULT_SPEC.hosts.map((h) =>
        h.name === 'BAD'
          ? {
              ...h,
              failingProbes: {
                hyperV: "The term 'Get-WindowsFeature' is not recognized",
                license: 'Access denied',
              },
            }
          : h,
      ),
    };
    const result = await simScan(spec);
    const bad = nodeOf(result, 'BAD');
    expect(bad?.error).toBeNull();
    // Get-VM answered: Hyper-V runs, though Get-WindowsFeature failed.
    expect(bad?.facts).toMatchObject({ release: '2022', hyperV: true, activated: null });
    expect(bad?.probeErrors).toEqual([
      { probe: 'license', message: 'Access denied' },
      { probe: 'hyperV', message: "The term 'Get-WindowsFeature' is not recognized" },
    ]);
  });
});
