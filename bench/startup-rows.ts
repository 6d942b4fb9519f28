// Start-up: --help, --version and a usage error against a bare `node -e 0`, run in turns so that both see the
// same machine load.
import { avma, median, run } from './process.js';
import { type Row, seconds } from './table.js';

const RUNS = 11;
const TARGET_RATIO = 2;

async function startupRow(what: string, args: string[]): Promise<Row> {
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const a = await avma(args);
    const b = await run(process.execPath, ['-e', '0']);
    if (a.code === null || a.code > 2) throw new Error(`${what} exited with ${a.code}: ${a.stderr}`);
    // The first two of each warm the file cache.
    if (i >= 2) {
      ours.push(a.ms);
      bare.push(b.ms);
    }
  }
  const ratio = median(ours) / median(bare);
  return {
    what,
    ours: seconds(median(ours)),
    comparison: `node -e 0 ${seconds(median(bare))}`,
    ratio,
    target: `<= ${TARGET_RATIO}x bare node`,
    met: ratio <= TARGET_RATIO,
    memory: '-',
  };
}

export async function* startupRows(): AsyncIterable<Row> {
  yield await startupRow('avma-check --help', ['--help']);
  yield await startupRow('avma-check --version', ['--version']);
  yield await startupRow('avma-check chek (a usage error)', ['chek']);
}
