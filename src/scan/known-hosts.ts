// OpenSSH known_hosts: plain and hashed host patterns, [host]:port, wildcards and negation, @revoked.
// A key is compared as the raw key blob, never as a fingerprint string.
import { createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface KnownHostEntry {
  marker: '@revoked' | '@cert-authority' | null;
  patterns: string;
  keyType: string;
  key: Buffer;
}

export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked';

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 0 || !fields[0] || fields[0].startsWith('#')) continue;
    const marker = fields[0] === '@revoked' || fields[0] === '@cert-authority' ? fields.shift() : null;
    const [patterns, keyType, key] = fields;
    if (!patterns || !keyType || !key || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) continue;
    entries.push({
      marker: (marker as KnownHostEntry['marker']) ?? null,
      patterns,
      keyType,
      key: Buffer.from(key, 'base64'),
    });
  }
  return entries;
}

/** How OpenSSH names a host in known_hosts: the bare host on port 22, else [host]:port. */
export function hostKeyName(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

function wildcard(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === name;
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(name);
}

function hashedMatch(pattern: string, name: string): boolean {
  const [, kind, salt, hash] = pattern.split('|');
  if (kind !== '1' || !salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

export function matchesHost(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcard(pattern.slice(1), name)) return false;
    } else if (wildcard(pattern, name)) matched = true;
  }
  return matched;
}

/** The type named inside a key blob, e.g. ssh-ed25519. */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return '';
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1');
}

export function verifyHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyVerdict {
  const forHost = entries.filter(
    (entry) => entry.marker !== '@cert-authority' && matchesHost(entry.patterns, name),
  );
  if (forHost.some((entry) => entry.marker === '@revoked' && entry.key.equals(key))) return 'revoked';
  const plain = forHost.filter((entry) => entry.marker === null);
  if (plain.some((entry) => entry.key.equals(key))) return 'known';
  // Like OpenSSH: another key of the same type for this host means the key changed.
  return plain.some((entry) => entry.keyType === keyTypeOf(key)) ? 'changed' : 'unknown';
}

export async function loadKnownHosts(file: string): Promise<KnownHostEntry[]> {
  try {
    return parseKnownHosts(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Trust on first use: appends the key in known_hosts format. */
export async function appendKnownHost(file: string, name: string, key: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // A file whose last line has no newline would otherwise swallow the new entry into it.
  const existing = await readFile(file).catch(() => Buffer.alloc(0));
  const separator = existing.length > 0 && existing[existing.length - 1] !== 0x0a ? '\n' : '';
  await appendFile(file, `${separator}${name} ${keyTypeOf(key)} ${key.toString('base64')}\n`, {
    mode: 0o600,
  });
}
