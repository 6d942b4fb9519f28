import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { ScanEvent } from '../../src/model/scan-events.js';
import { AsyncQueue } from '../../src/scan/async-queue.js';
import { scan } from '../../src/scan/scan.js';
import { serveSpec } from '../../src/sim/serve-spec.js';
import { FAULT_SPEC } from '../helpers/sim-scan.js';

describe('scan() as an async iterator', () => {
  it('streams each node as it finishes, then the snapshot', async () => {
    const served = await serveSpec(FAULT_SPEC, { firstOctet: 120, faults: { OK3: { delayMs: 300 } } });
    try {
      const types: string[] = [];
      let last: ScanEvent | undefined;
      for await (const event of scan(served.config, { now: new Date('2026-11-22'), env: {} })) {
        types.push(event.type === 'node-finished' ? `finished ${event.node.name}` : event.type);
        last = event;
      }
      expect(types[0]).toBe('scan-started');
      expect(types.filter((t) => t.startsWith('finished')).at(-1)).toBe('finished OK3');
      expect(last?.type === 'scan-finished' && last.snapshot.clusters[0]?.nodes.length).toBe(4);
    } finally {
      await served.close();
    }
  });

  it('ends with the error when the scan cannot start', async () => {
    const config = configSchema.parse({
      defaults: { ssh: { agent: false } },
      clusters: [{ name: 'c', nodes: [{ name: 'N', host: '127.0.0.1' }] }],
    });
    const read = async () => {
      // A home with no keys in it (and no OpenSSH config): nothing to log in with.
      for await (const _ of scan(config, {
        now: new Date(),
        env: { HOME: join(tmpdir(), 'avma-no-such-home') },
      })) {
        // nothing
      }
    };
    await expect(read()).rejects.toThrow(/no way to log in/);
  });
});

describe('AsyncQueue', () => {
  it('hands items to a waiting reader, and reads what was queued before an error', async () => {
    const queue = new AsyncQueue<number>();
    const iterator = queue[Symbol.asyncIterator]();
    const first = iterator.next();
    queue.push(1);
    queue.push(2);
    expect(await first).toEqual({ value: 1, done: false });
    queue.fail(new Error('boom'));
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    await expect(iterator.next()).rejects.toThrow('boom');
  });
});
