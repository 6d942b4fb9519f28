import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import {
  checkHostKey,
  hostKeyName,
  keyTypeOf,
  matchesHost,
  parseKnownHosts,
  recordedKeyTypes,
  verifyHostKey,
} from '../../src/scan/known-hosts.js';
import { loadKnownHosts, recordHostKey } from '../../src/scan/known-hosts-file.js';
import { SIM_HOST_KEY_A_PUBLIC, SIM_HOST_KEY_B_PUBLIC } from '../../src/sim/keys.js';

const blob = (line: string) => Buffer.from(line.split(' ')[1] ?? '', 'base64');
const A = blob(SIM_HOST_KEY_A_PUBLIC);
const B = blob(SIM_HOST_KEY_B_PUBLIC);
const keyA = SIM_HOST_KEY_A_PUBLIC.split(' ').slice(0, 2).join(' ');
const keyB = SIM_HOST_KEY_B_PUBLIC.split(' ').slice(0, 2).join(' ');

function hashed(name: string, salt = Buffer.from('0123456789abcdefghij')): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  it('names hosts as OpenSSH does', () => {
    expect(hostKeyName('HV01.example.test', 22)).toBe('hv01.example.test');
    expect(hostKeyName('127.0.0.2', 2222)).toBe('[127.0.0.2]:2222');
  });

  it('reads the key type from the blob', () => {
    expect(keyTypeOf(A)).toBe('ssh-ed25519');
    const parsed = ssh2.utils.parseKey(SIM_HOST_KEY_A_PUBLIC);
    expect(parsed instanceof Error ? null : parsed.getPublicSSH().equals(A)).toBe(true);
  });

  it.each([
    ['hv01', 'hv01', true],
    ['hv01,hv02', 'hv02', true],
    ['hv0?', 'hv07', true],
    ['*.example.test', 'hv01.example.test', true],
    ['*.example.test,!bad.example.test', 'bad.example.test', false],
    ['[127.0.0.2]:2222', '[127.0.0.2]:2222', true],
    ['127.0.0.2', '[127.0.0.2]:2222', false],
    ['hv01', 'hv011', false],
  ])('pattern %s matches %s: %s', (patterns, name, expected) => {
    expect(matchesHost(patterns, name)).toBe(expected);
  });

  it('matches hashed entries', () => {
    expect(matchesHost(hashed('[127.0.0.2]:2222'), '[127.0.0.2]:2222')).toBe(true);
    expect(matchesHost(hashed('[127.0.0.2]:2222'), '[127.0.0.3]:2222')).toBe(false);
  });

  it('tells known, unknown, changed and revoked apart', () => {
    const entries = parseKnownHosts(
      [
        '# a comment',
        '',
        `hv01 ${keyA}`,
        `${hashed('hv02')} ${keyA}`,
        `@revoked hv03 ${keyB}`,
        `hv03 ${keyA}`,
        'garbage line',
        `@cert-authority *.example.test ${keyB}`,
      ].join('\n'),
    );
    expect(verifyHostKey(entries, 'hv01', A)).toBe('known');
    expect(verifyHostKey(entries, 'hv02', A)).toBe('known');
    expect(verifyHostKey(entries, 'hv01', B)).toBe('changed');
    expect(verifyHostKey(entries, 'hv02', B)).toBe('changed');
    expect(verifyHostKey(entries, 'hv03', B)).toBe('revoked');
    expect(verifyHostKey(entries, 'hv09', A)).toBe('unknown');
    expect(verifyHostKey(entries, 'x.example.test', B)).toBe('unknown');
  });

  it('a host with a recorded key of one type that presents another type has a CHANGED key', () => {
    const rsa = Buffer.concat([
      Buffer.from([0, 0, 0, 7]),
      Buffer.from('ssh-rsa'),
      Buffer.from([0, 0, 0, 1, 3]),
    ]);
    const entries = parseKnownHosts(`hv01 ${keyA}\n[hv02]:2222 ssh-rsa ${rsa.toString('base64')}\n`, 'kh');
    expect(checkHostKey(entries, 'hv01', rsa)).toMatchObject({
      verdict: 'changed',
      recorded: [{ keyType: 'ssh-ed25519', file: 'kh', line: 1 }],
    });
    expect(verifyHostKey(entries, '[hv02]:2222', A)).toBe('changed');
    expect(recordedKeyTypes(entries, '[hv02]:2222')).toEqual(['ssh-rsa']);
    expect(recordedKeyTypes(entries, 'hv09')).toEqual([]);
  });

  it('records new keys in known_hosts format, and a missing file is empty', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kh-')), 'sub', 'known_hosts');
    expect(await loadKnownHosts(file)).toEqual([]);
    await recordHostKey(file, '[127.0.0.2]:2222', A);
    expect(readFileSync(file, 'utf8')).toBe(`[127.0.0.2]:2222 ${keyA}\n`);
    expect(verifyHostKey(await loadKnownHosts(file), '[127.0.0.2]:2222', A)).toBe('known');
  });

  it('keeps the last entry of a file that does not end in a newline', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kh-')), 'known_hosts');
    writeFileSync(file, `hv01 ${keyA}`);
    await recordHostKey(file, 'hv02', B);
    const entries = await loadKnownHosts(file);
    expect(verifyHostKey(entries, 'hv01', A)).toBe('known');
    expect(verifyHostKey(entries, 'hv02', B)).toBe('known');
  });

  it('records nothing when the file, re-read under the lock, already decides the host', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kh-')), 'known_hosts');
    writeFileSync(file, `hv01 ${keyA}\n`);
    expect((await recordHostKey(file, 'hv01', A)).verdict).toBe('known');
    // Another scan recorded a different key for the host meanwhile: that key decides, nothing is added.
    expect((await recordHostKey(file, 'hv01', B)).verdict).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe(`hv01 ${keyA}\n`);
  });
});
