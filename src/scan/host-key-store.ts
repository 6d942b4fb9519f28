// known_hosts files, read once per scan and shared by every connection; new keys are appended only with
// --accept-new-host-keys.
import {
  appendKnownHost,
  type HostKeyVerdict,
  hostKeyName,
  type KnownHostEntry,
  keyTypeOf,
  loadKnownHosts,
  parseKnownHosts,
  verifyHostKey,
} from './known-hosts.js';

export class HostKeyStore {
  private readonly files = new Map<string, Promise<KnownHostEntry[]>>();
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly acceptNew: boolean) {}

  entries(file: string): Promise<KnownHostEntry[]> {
    let entries = this.files.get(file);
    if (!entries) {
      entries = loadKnownHosts(file);
      this.files.set(file, entries);
    }
    return entries;
  }

  /** Synchronous, as ssh2 needs: a verifier that returns a Promise accepts every key. */
  verify(entries: readonly KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
    return verifyHostKey(entries, hostKeyName(host, port), key);
  }

  async remember(file: string, host: string, port: number, key: Buffer): Promise<void> {
    const name = hostKeyName(host, port);
    const entries = await this.entries(file);
    if (verifyHostKey(entries, name, key) === 'known') return;
    entries.push(...parseKnownHosts(`${name} ${keyTypeOf(key)} ${key.toString('base64')}`));
    this.writing = this.writing.then(() => appendKnownHost(file, name, key));
    await this.writing;
  }
}
