import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LockTimeout, withFileLock } from '../../src/scan/file-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withFileLock', () => {
  it('runs tasks on one lock one at a time, and removes the lock after each', async () => {
    const lock = join(dir, 'a.lock');
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name} start`);
      expect(existsSync(lock)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name} end`);
    };
    await Promise.all([withFileLock(lock, task('one')), withFileLock(lock, task('two'))]);
    expect(order).toEqual([
      expect.stringMatching(/start$/),
      expect.stringMatching(/end$/),
      expect.stringMatching(/start$/),
      expect.stringMatching(/end$/),
    ]);
    expect(existsSync(lock)).toBe(false);
  });

  it('removes the lock when the task throws', async () => {
    const lock = join(dir, 'b.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const lock = join(dir, 'c.lock');
    writeFileSync(lock, 'left over');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 30_000 })).toBe('ran');
  });

  it('gives up with LockTimeout on a lock another process holds', async () => {
    const lock = join(dir, 'd.lock');
    writeFileSync(lock, 'held');
    const held = withFileLock(lock, async () => 'ran', { timeoutMs: 50, staleMs: 60_000 });
    await expect(held).rejects.toThrow(LockTimeout);
    await expect(held).rejects.toThrow(`${lock} is still held`);
    expect(existsSync(lock)).toBe(true);
  });
});
