// Keys made by Debian's ssh-keygen in a temporary directory, as an admin would make them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedKey {
  path: string;
  privateKey: string;
  /** The .pub line without its comment: "ssh-ed25519 AAAA...". */
  publicKey: string;
  blob: Buffer;
}

export function generateKey(
  dir: string,
  name: string,
  type: 'ed25519' | 'rsa' | 'ecdsa',
  passphrase = '',
): GeneratedKey {
  const path = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', name, '-f', path]);
  const publicKey = readFileSync(`${path}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return {
    path,
    privateKey: readFileSync(path, 'utf8'),
    publicKey,
    blob: Buffer.from(publicKey.split(' ')[1] ?? '', 'base64'),
  };
}
