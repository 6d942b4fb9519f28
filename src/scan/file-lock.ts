// An exclusive lock file next to a file several processes may update (O_EXCL create; removed when done). A lock
// left by a process that died is taken over once it is older than staleMs.
import { open, stat, unlink } from 'node:fs/promises';

export interface LockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** A lock file older than this is left over from a process that died. */
  staleMs?: number;
}

export class LockTimeout extends Error {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(lockPath: string, options: Required<LockOptions>): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(`avma-check lock\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await stat(lockPath).catch(() => null);
    if (held && Date.now() - held.mtimeMs > options.staleMs) {
      await unlink(lockPath).catch(() => {});
      continue;
    }
    if (performance.now() > deadline)
      throw new LockTimeout(`${lockPath} is still held after ${Math.round(options.timeoutMs / 1000)} s`);
    await pause(5 + Math.random() * 20);
  }
}

/** Runs `task` while holding `lockPath`; the lock is removed however the task ends. */
export async function withFileLock<T>(
  lockPath: string,
  task: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  await acquire(lockPath, { timeoutMs: options.timeoutMs ?? 10_000, staleMs: options.staleMs ?? 30_000 });
  try {
    return await task();
  } finally {
    await unlink(lockPath).catch(() => {});
  }
}
