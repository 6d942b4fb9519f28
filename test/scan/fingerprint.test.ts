// Fingerprints as OpenSSH prints them, checked against Debian's ssh-keygen for keys it generated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/scan/fingerprint.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEYS: [string, string[]][] = [
  ['ed25519', ['-t', 'ed25519']],
  ['rsa-3072', ['-t', 'rsa', '-b', '3072']],
  ['rsa-2048', ['-t', 'rsa', '-b', '2048']],
  ['ecdsa-256', ['-t', 'ecdsa', '-b', '256']],
  ['ecdsa-384', ['-t', 'ecdsa', '-b', '384']],
  ['ecdsa-521', ['-t', 'ecdsa', '-b', '521']],
];

describe('fingerprint', () => {
  it.each(KEYS)('%s matches ssh-keygen -lf', (name, args) => {
    const file = join(dir, name);
    execFileSync('ssh-keygen', ['-q', ...args, '-N', '', '-C', 'the comment', '-f', file]);
    const blob = Buffer.from(readFileSync(`${file}.pub`, 'utf8').split(' ')[1] ?? '', 'base64');
    // ssh-keygen prints "BITS FINGERPRINT COMMENT (TYPE)"; ours leaves the comment out.
    const printed = execFileSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).trim();
    expect(printed).toMatch(/ the comment \(/);
    expect(fingerprint(blob)).toBe(printed.replace(' the comment ', ' '));
  });

  it('a truncated blob gives a fingerprint, never a throw', () => {
    expect(fingerprint(Buffer.from([0, 0, 0, 7, 115]))).toMatch(/^\? SHA256:\S+ \(UNKNOWN\)$/);
  });
});
