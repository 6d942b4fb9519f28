// What a node printed, for --debug: handed to onRawOutput once for each node whose output could not be used,
// and never for nodes that answered; and hints that are whole, with the node's real port.
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER } from '../../src/scan/collector-script.js';
import type { RawOutputInfo } from '../../src/scan/scan.js';
import { FAULT_SPEC, nodeOf, simScan } from '../helpers/sim-scan.js';

describe('onRawOutput', () => {
  it.each([
    [
      'malformed',
      'bad-output',
      (raw: RawOutputInfo) => expect(raw.stdout.toString()).toContain(BEGIN_MARKER),
    ],
    [
      'command-fails',
      'command-failed',
      (raw: RawOutputInfo) => expect(raw.stderr.toString()).toContain('Access denied'),
    ],
    [
      'drop-clean',
      'command-failed',
      (raw: RawOutputInfo) => expect(raw.stdout.toString()).toContain(BEGIN_MARKER),
    ],
  ] as const)('%s: called once with what the node printed', async (fault, kind, check) => {
    const seen: RawOutputInfo[] = [];
    const result = await simScan(
      FAULT_SPEC,
      { faults: { BAD: { fault } } },
      { onRawOutput: (raw) => seen.push(raw) },
    );
    expect(nodeOf(result, 'BAD')?.error?.kind).toBe(kind);
    expect(seen.map((raw) => [raw.cluster, raw.node])).toEqual([['lab', 'BAD']]);
    check(seen[0] as RawOutputInfo);
  });

  it('the bad-output hint asks for a run with --debug and the output it prints', async () => {
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault: 'malformed' } } });
    expect(nodeOf(result, 'BAD')?.error?.hint).toMatch(
      /^Run avma-check again with --debug and send .* it prints/,
    );
  });
});

describe('hints', () => {
  it("a refused connection's hint is whole and names the node's real port", async () => {
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault: 'refuse' } } }, { retryDelaysMs: [] });
    const bad = nodeOf(result, 'BAD');
    const port = /:(\d+)$/.exec(bad?.error?.message ?? '')?.[1];
    expect(port).not.toBe('22');
    const hint = bad?.error?.hint ?? '';
    expect(hint).toContain(`does its firewall allow TCP port ${port}?`);
    expect(hint).toContain('Add-WindowsCapability -Online -Name OpenSSH.Server~~~~0.0.1.0');
    expect(hint).toContain('Start-Service sshd; Set-Service -Name sshd -StartupType Automatic');
    expect(hint).toContain('Windows Server 2025 ships sshd installed but disabled');
    expect(hint).toContain('install-sshd.ps1');
    expect(hint).toContain(`New-NetFirewallRule -Name OpenSSH-Server-In-TCP`);
    expect(hint).toMatch(new RegExp(`-LocalPort ${port}\\.$`));
  });
});
