// The known_hosts files of a scan, read once before any node is contacted and shared by every connection: the
// user's file (ssh.knownHostsPath, plus known_hosts2 beside a file named known_hosts) and the system's
// (/etc/ssh/ssh_known_hosts and ssh_known_hosts2), as OpenSSH reads them. New keys go to the user's file only.
import { basename } from 'node:path';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { NodeFailure } from './classify-error.js';
import { type LockOptions, LockTimeout } from './file-lock.js';
import { fingerprint } from './fingerprint.js';
import { hostKeyAlgorithms } from './host-key-algorithms.js';
import {
  checkHostKey,
  type HostKeyCheck,
  hostKeyName,
  type KnownHostEntry,
  recordedKeyTypes,
} from './known-hosts.js';
import { loadKnownHosts, type RecordResult, recordHostKey } from './known-hosts-file.js';

export const SYSTEM_KNOWN_HOSTS_PATHS: readonly string[] = [
  '/etc/ssh/ssh_known_hosts',
  '/etc/ssh/ssh_known_hosts2',
];

export interface HostKeyStoreOptions {
  systemPaths?: readonly string[] | undefined;
  lock?: LockOptions | undefined;
  /** Told of each key written to a user file: `host` as known_hosts names it, `fingerprint` as ssh-keygen -l. */
  onRecorded?: ((recorded: { host: string; fingerprint: string; file: string }) => void) | undefined;
}

/** The files read for a user file: itself, and OpenSSH's known_hosts2 beside ~/.ssh/known_hosts. */
export function userFiles(userFile: string): string[] {
  return basename(userFile) === 'known_hosts' ? [userFile, `${userFile}2`] : [userFile];
}

export class HostKeyStore {
  private readonly loaded = new Map<string, KnownHostEntry[]>();
  private readonly systemPaths: readonly string[];
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HostKeyStoreOptions = {}) {
    this.systemPaths = options.systemPaths ?? SYSTEM_KNOWN_HOSTS_PATHS;
  }

  /** Reads every file these user files need; a file that cannot be read is a UserError, before any node. */
  async preload(userFilePaths: Iterable<string>): Promise<void> {
    const paths = new Set([...this.systemPaths, ...[...userFilePaths].flatMap(userFiles)]);
    for (const path of paths) {
      if (!this.loaded.has(path)) this.loaded.set(path, await loadKnownHosts(path));
    }
  }

  private entries(userFile: string): KnownHostEntry[] {
    return [...userFiles(userFile), ...this.systemPaths].flatMap((path) => {
      const entries = this.loaded.get(path);
      if (!entries) throw new Error(`${path} was not loaded before the scan`);
      return entries;
    });
  }

  /** Synchronous, as ssh2 needs: a verifier that returns a Promise accepts every key. */
  check(userFile: string, host: string, port: number, key: Buffer): HostKeyCheck {
    return checkHostKey(this.entries(userFile), hostKeyName(host, port), key);
  }

  /** The host key algorithms to offer this host: the types on record for it first. */
  algorithms(userFile: string, host: string, port: number): ServerHostKeyAlgorithm[] {
    return hostKeyAlgorithms(recordedKeyTypes(this.entries(userFile), hostKeyName(host, port)));
  }

  /** Trust on first use: records the key in the user's file (serialised here, locked against other processes). */
  remember(userFile: string, host: string, port: number, key: Buffer): Promise<RecordResult> {
    const result = this.writing.then(() =>
      recordHostKey(userFile, hostKeyName(host, port), key, this.options.lock),
    );
    this.writing = result.catch(() => {});
    return result.then(
      (recorded) => {
        this.loaded.set(userFile, recorded.entries);
        if (recorded.verdict === 'added')
          this.options.onRecorded?.({
            host: hostKeyName(host, port),
            fingerprint: fingerprint(key),
            file: userFile,
          });
        return recorded;
      },
      (error: Error) => {
        throw new NodeFailure(
          'host-key',
          `could not record the host key of ${hostKeyName(host, port)} in ${userFile}: ${error.message}`,
          error instanceof LockTimeout
            ? `If no other avma-check is running, remove ${userFile}.lock and scan again.`
            : 'Check that the file and its directory are writable.',
          false,
        );
      },
    );
  }
}
