// known_hosts files on disk: read (a file that cannot be read is a usage error of the whole run), and new keys
// recorded the way several scans at once cannot corrupt: under a lock, re-read, then written whole to a temporary
// file in the same directory and renamed over the old one.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../config/user-error.js';
import { type LockOptions, withFileLock } from './file-lock.js';
import {
  checkHostKey,
  type HostKeyVerdict,
  type KnownHostEntry,
  knownHostLine,
  parseKnownHosts,
} from './known-hosts.js';

function unreadable(file: string, error: NodeJS.ErrnoException): UserError {
  const why =
    error.code === 'EISDIR'
      ? 'it is a directory'
      : error.code === 'EACCES'
        ? 'permission denied'
        : (error.code ?? error.message);
  return new UserError(
    `cannot read the known_hosts file ${file}: ${why}`,
    'set ssh.knownHostsPath to a readable file (the default is ~/.ssh/known_hosts), or fix its permissions',
  );
}

/** The entries of a known_hosts file; a missing file has none. Anything else unreadable is a UserError. */
export async function loadKnownHosts(file: string): Promise<KnownHostEntry[]> {
  try {
    return parseKnownHosts(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw unreadable(file, error as NodeJS.ErrnoException);
  }
}

async function writeAtomically(file: string, text: string, mode: number): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temporary, mode);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

export interface RecordResult {
  /** known: already there (another scan recorded it); changed: another key was recorded meanwhile. */
  verdict: 'added' | Exclude<HostKeyVerdict, 'unknown'>;
  entries: KnownHostEntry[];
}

/**
 * Records `key` for `name` in `file` unless the file (as it is now, under the lock) already decides the host.
 * Missing directories are created 0700 and a new file 0600, as OpenSSH does; an existing file keeps its mode.
 */
export async function recordHostKey(
  file: string,
  name: string,
  key: Buffer,
  lock: LockOptions = {},
): Promise<RecordResult> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Through a symlink (dotfile managers), update the file it points to and keep the link.
  const target = await realpath(file).catch(() => file);
  return withFileLock(
    `${target}.lock`,
    async () => {
      const text = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw unreadable(target, error);
      });
      const entries = parseKnownHosts(text, file);
      const { verdict } = checkHostKey(entries, name, key);
      if (verdict !== 'unknown') return { verdict, entries };
      const mode = ((await stat(target).catch(() => null))?.mode ?? 0o600) & 0o777;
      // A file whose last line has no newline would otherwise swallow the new entry into it.
      const separator = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
      const updated = `${text}${separator}${knownHostLine(name, key)}\n`;
      await writeAtomically(target, updated, mode);
      return { verdict: 'added', entries: parseKnownHosts(updated, file) };
    },
    lock,
  );
}
