// OpenSSH known_hosts: plain and hashed host patterns, [host]:port, wildcards and negation, @revoked.
// A key is compared as the raw key blob, never as a fingerprint string.
import { createHmac } from 'node:crypto';

export interface KnownHostEntry {
  marker: '@revoked' | '@cert-authority' | null;
  patterns: string;
  keyType: string;
  key: Buffer;
  /** Where the entry was read, for messages: file path and 1-based line. */
  file: string;
  line: number;
}

export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked';

export interface HostKeyCheck {
  verdict: HostKeyVerdict;
  /** The keys recorded for the host (no markers): what a changed key is compared with. */
  recorded: KnownHostEntry[];
}

export function parseKnownHosts(text: string, file = 'known_hosts'): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
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
      file,
      line: index + 1,
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

function entriesFor(entries: readonly KnownHostEntry[], name: string): KnownHostEntry[] {
  return entries.filter((entry) => entry.marker !== '@cert-authority' && matchesHost(entry.patterns, name));
}

/**
 * OpenSSH's check (hostfile.c check_hostkeys_by_key_or_type): a host with any recorded key must present one of
 * them. A key of another type than the recorded ones is a changed key, never a new one.
 */
export function checkHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyCheck {
  const forHost = entriesFor(entries, name);
  const recorded = forHost.filter((entry) => entry.marker === null);
  if (forHost.some((entry) => entry.marker === '@revoked' && entry.key.equals(key)))
    return { verdict: 'revoked', recorded };
  if (recorded.some((entry) => entry.key.equals(key))) return { verdict: 'known', recorded };
  return { verdict: recorded.length > 0 ? 'changed' : 'unknown', recorded };
}

export function verifyHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyVerdict {
  return checkHostKey(entries, name, key).verdict;
}

/** The key types recorded for a host, in file order, each once. */
export function recordedKeyTypes(entries: readonly KnownHostEntry[], name: string): string[] {
  const types = entriesFor(entries, name)
    .filter((entry) => entry.marker === null)
    .map((entry) => keyTypeOf(entry.key));
  return [...new Set(types)];
}

/** One known_hosts line for a key. */
export function knownHostLine(name: string, key: Buffer): string {
  return `${name} ${keyTypeOf(key)} ${key.toString('base64')}`;
}
