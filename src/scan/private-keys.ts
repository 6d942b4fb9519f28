// Private keys, each read and decrypted once per run (bcrypt_pbkdf costs about 280 ms of blocking CPU per
// decryption), then handed to every connection and retry as a parsed key. A key the user named that cannot be
// used is a UserError before any node is contacted; messages name the file, never the passphrase.
import { readFile } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import { UserError } from '../config/user-error.js';

export interface Passphrase {
  value: string;
  /** The environment variable it came from, for messages. */
  variable: string;
}

export interface Identity {
  path: string;
  /** The decrypted key, or null for an encrypted key left to the agent (see IdentitiesOnly). */
  key: ParsedKey | null;
  /** Public key blob, when known: from the key, or from the .pub file beside it. */
  publicKey: Buffer | null;
}

export interface KeySource {
  path: string;
  passphrase: Passphrase | null;
  /**
   * clusters.yaml names it (must work), an OpenSSH IdentityFile (skipped when missing, as ssh does), or one of
   * OpenSSH's default key files (skipped when missing; the caller decides about the other faults).
   */
  from: 'config' | 'ssh-config' | 'default';
  /** An agent is there: an encrypted IdentityFile with no passphrase may be in it, so it is not an error. */
  agent: boolean;
}

function parse(data: Buffer, passphrase: string | undefined): ParsedKey | Error {
  // Looked up at each call (not destructured), so a test can count decryptions.
  const parsed = ssh2.utils.parseKey(data, passphrase);
  return Array.isArray(parsed) ? (parsed[0] ?? new Error('no key in the file')) : parsed;
}

async function publicKeyBeside(path: string): Promise<Buffer | null> {
  const text = await readFile(`${path}.pub`, 'utf8').catch(() => null);
  const parsed = text === null ? null : ssh2.utils.parseKey(text);
  return parsed && !(parsed instanceof Error) ? parsed.getPublicSSH() : null;
}

type Decrypted = { key: ParsedKey } | { readError: string } | { parseError: Error };

async function decrypt(path: string, passphrase: string | undefined): Promise<Decrypted> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    return { readError: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  const parsed = parse(data, passphrase);
  return parsed instanceof Error ? { parseError: parsed } : { key: parsed };
}

async function identityOf(source: KeySource, decrypted: Decrypted): Promise<Identity | null> {
  const { path, passphrase } = source;
  if ('readError' in decrypted) {
    const code = decrypted.readError;
    if (code === 'ENOENT' && source.from !== 'config') return null;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code;
    throw new UserError(
      `cannot read the private key ${path}: ${why}`,
      'check ssh.privateKeyPath, or the IdentityFile in your OpenSSH config',
    );
  }
  if ('parseError' in decrypted) {
    const { message } = decrypted.parseError;
    if (/no passphrase given/i.test(message)) {
      if (source.from !== 'config' && source.agent)
        return { path, key: null, publicKey: await publicKeyBeside(path) };
      throw new UserError(
        `the private key ${path} is encrypted, and no passphrase was given`,
        source.from === 'config'
          ? 'name the environment variable that holds its passphrase in ssh.passphraseEnv, or load the key into ssh-agent and leave ssh.privateKeyPath out'
          : 'name the environment variable that holds its passphrase in ssh.passphraseEnv, or load the key into ssh-agent',
      );
    }
    if (passphrase && /bad passphrase|bad decrypt|integrity check failed/i.test(message)) {
      throw new UserError(
        `the passphrase in $${passphrase.variable} does not decrypt the private key ${path}`,
        'check the value of the variable ssh.passphraseEnv names',
      );
    }
    throw new UserError(
      `${path} is not a private key avma-check can use (${message})`,
      'give an OpenSSH, PEM or PuTTY private key, such as one ssh-keygen makes (not the .pub file)',
    );
  }
  if (!decrypted.key.isPrivateKey())
    throw new UserError(`${path} is a public key`, 'give the private key: the same path without .pub');
  return { path, key: decrypted.key, publicKey: decrypted.key.getPublicSSH() };
}

/** The keys of one run: each file is read and decrypted once, however many nodes and retries use it. */
export class KeyRing {
  private readonly decrypted = new Map<string, Promise<Decrypted>>();

  async load(source: KeySource): Promise<Identity | null> {
    const cacheKey = JSON.stringify([source.path, source.passphrase?.value ?? null]);
    let decrypted = this.decrypted.get(cacheKey);
    if (!decrypted) {
      decrypted = decrypt(source.path, source.passphrase?.value);
      this.decrypted.set(cacheKey, decrypted);
    }
    return identityOf(source, await decrypted);
  }
}
