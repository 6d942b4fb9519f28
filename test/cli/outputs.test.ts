import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/outputs.js';

function sink(highWaterMark = 16) {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString());
      setImmediate(callback);
    },
  });
  return { stream, writes };
}

describe('writeOutput', () => {
  it('joins a formatter’s many small chunks into few writes, in order, whatever the backpressure', async () => {
    const { stream, writes } = sink();
    const chunks = Array.from({ length: 300_000 }, (_, i) => `line ${i}\n`);
    await writeOutput({ what: 'json report', file: null, direct: true }, chunks, stream);
    expect(writes.join('')).toBe(chunks.join(''));
    expect(writes.length).toBeLessThan(5);
  });

  it('writes nothing for no chunks, and an empty chunk is no write', async () => {
    const { stream, writes } = sink();
    await writeOutput({ what: 'text report', file: null, direct: true }, [], stream);
    await writeOutput({ what: 'text report', file: null, direct: true }, [''], stream);
    expect(writes.join('')).toBe('');
  });
});
