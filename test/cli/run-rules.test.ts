import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/cli/run-rules.js';
import { runMain } from '../helpers/run-main.js';

const DISM = 'DISM /online /Set-Edition:ServerDatacenter /ProductKey:<a Datacenter product key> /AcceptEula';
const KVP_BY_GUID =
  "Get-VMIntegrationService -VMName <vm> | Where-Object { $_.Id -like '*2A34B1C2-FD73-4043-8A5B-DD2159BC743F' } | Enable-VMIntegrationService";

describe('wrap', () => {
  it('fills lines up to the width', () => {
    expect(wrap('aaa bbb ccc ddd', 8)).toBe('aaa bbb\nccc ddd');
  });

  it('never breaks a command written in backticks, however long', () => {
    const text = `Run \`${DISM}\`, then restart.`;
    expect(wrap(text, 40).split('\n')).toEqual(['Run', `\`${DISM}\`,`, 'then restart.']);
  });

  it('an unclosed backtick is an ordinary word', () => {
    expect(wrap('a `b c d', 4)).toBe('a `b\nc d');
  });
});

describe('avma-check rules ID', () => {
  it('host-not-datacenter: the DISM command whole, on one line, with /ProductKey: and /AcceptEula', async () => {
    const { code, stdout } = await runMain(['rules', 'host-not-datacenter']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain(`\`${DISM}\``);
  });

  it('kvp-disabled: enables the service by its GUID, not its localized name, on one line', async () => {
    const { stdout } = await runMain(['rules', 'kvp-disabled']);
    expect(stdout.split('\n')).toContain(`\`${KVP_BY_GUID}\`.`);
    expect(stdout).not.toContain('-Name "Key-Value Pair Exchange"');
  });
});
