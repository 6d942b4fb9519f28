// The user's OpenSSH client config, read as ssh reads it, for the keywords avma-check honours.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/config/user-error.js';
import { parseProxyJump } from '../../src/scan/proxy-jump.js';
import { readSshConfigFile } from '../../src/scan/ssh-config-file.js';
import { lookupHost } from '../../src/scan/ssh-config-lookup.js';
import {
  expandIdentityFile,
  interpretOptions,
  validateSshConfig,
} from '../../src/scan/ssh-config-options.js';

const home = mkdtempSync(join(tmpdir(), 'avma-sshcfg-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
mkdirSync(join(home, '.ssh', 'config.d'), { recursive: true });

async function lookup(text: string, host: string, localUser = 'me') {
  const path = join(home, '.ssh', 'config');
  writeFileSync(path, text);
  const file = await readSshConfigFile(path, true, home);
  if (!file) throw new Error('no file');
  validateSshConfig(file);
  return interpretOptions(lookupHost(file, host, { localUser }), host);
}

describe('OpenSSH config lookup', () => {
  it('Host alias, HostName with %h, Port, User; the first value wins', async () => {
    const text = [
      'Host hv01',
      '  HostName %h.corp.example.test',
      '  Port 2222',
      'Host hv*',
      '  User admin',
      '  Port 22',
      '  HostName ignored',
    ].join('\n');
    expect(await lookup(text, 'hv01')).toMatchObject({
      hostname: 'hv01.corp.example.test',
      port: 2222,
      user: 'admin',
    });
    expect(await lookup(text, 'HV02')).toMatchObject({ hostname: 'ignored', port: 22, user: 'admin' });
    expect(await lookup(text, 'db01')).toMatchObject({ hostname: null, port: null, user: null });
  });

  it('? is exactly one character, * any, ! excludes; names compare without case', async () => {
    const text = 'Host node? !node9\n  User one\nHost *\n  User other\n';
    expect((await lookup(text, 'node1')).user).toBe('one');
    expect((await lookup(text, 'NODE1')).user).toBe('one');
    expect((await lookup(text, 'node')).user).toBe('other');
    expect((await lookup(text, 'node12')).user).toBe('other');
    expect((await lookup(text, 'node9')).user).toBe('other');
  });

  it('IdentityFile accumulates in order, with ~ and tokens expanded; IdentitiesOnly', async () => {
    const entry = await lookup(
      'Host hv*\n  IdentityFile ~/.ssh/id_%h_%r\n  IdentitiesOnly yes\nHost *\n  IdentityFile "~/keys/with space"\n',
      'hv01',
    );
    expect(entry.identitiesOnly).toBe(true);
    const values = {
      home,
      localUser: 'me',
      localHost: 'box',
      uid: 1000,
      originalHost: 'hv01',
      host: 'hv01.corp',
      user: 'scan',
      port: 22,
    };
    expect(entry.identityFiles.map((file) => expandIdentityFile(file, values))).toEqual([
      join(home, '.ssh/id_hv01.corp_scan'),
      join(home, 'keys/with space'),
    ]);
  });

  it('ProxyJump: a list, [user@]host[:port], none', async () => {
    expect((await lookup('Host *\n  ProxyJump admin@jump1:2200,ssh://jump2\n', 'x')).proxyJump).toEqual([
      { user: 'admin', host: 'jump1', port: 2200 },
      { user: null, host: 'jump2', port: null },
    ]);
    expect((await lookup('Host x\n  ProxyJump none\nHost *\n  ProxyJump jump1\n', 'x')).proxyJump).toEqual(
      [],
    );
    expect(parseProxyJump('[fe80::1]:22')).toEqual([{ user: null, host: 'fe80::1', port: 22 }]);
    expect(() => parseProxyJump('jump:99999')).toThrow('"jump:99999" has an invalid port');
  });

  it('Match host (the HostName), originalhost and user; Match exec is never run', async () => {
    const marker = join(home, 'exec-ran');
    const text = [
      'Host hv01',
      '  HostName hv01.corp',
      'Match host *.corp user scan',
      '  Port 2201',
      `Match exec "touch ${marker}"`,
      '  Port 2202',
      'Match originalhost hv01',
      '  User scan',
    ].join('\n');
    expect((await lookup(text, 'hv01')).port).toBe(null);
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
    expect((await lookup(`Host *\n  User scan\n${text}`, 'hv01')).port).toBe(2201);
  });

  it('Include (globs, relative to ~/.ssh) sees its parent block and cannot change it', async () => {
    writeFileSync(join(home, '.ssh', 'config.d', 'a.conf'), 'User from-include\nHost hv02\n  Port 2002\n');
    const text = 'Host hv01\n  Include config.d/*.conf\n  Port 2001\nHost *\n  User fallback\n';
    expect(await lookup(text, 'hv01')).toMatchObject({ user: 'from-include', port: 2001 });
    expect(await lookup(text, 'hv02')).toMatchObject({ user: 'fallback', port: null });
  });

  it.each([
    ['Host *\n  Port 0\n', /Port "0" is not a port number/],
    ['Host *\n  IdentitiesOnly maybe\n', /IdentitiesOnly must be yes or no/],
    ['Host *\n  HostName %u.example\n', /HostName "%u.example": only %h and %% are expanded/],
    ['Host *\n  ProxyJump @jump\n', /ProxyJump "@jump" is not \[user@\]host\[:port\]/],
  ])('refuses %j as a UserError naming the file', async (text, message) => {
    const failed = await lookup(text, 'x').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(UserError);
    expect((failed as UserError).message).toMatch(message);
    expect((failed as UserError).message).toContain(join(home, '.ssh', 'config'));
  });

  it('a missing default config is none; a missing named one is an error', async () => {
    expect(await readSshConfigFile(join(home, 'nope'), false, home)).toBeNull();
    await expect(readSshConfigFile(join(home, 'nope'), true, home)).rejects.toThrow(/no such file/);
  });
});
