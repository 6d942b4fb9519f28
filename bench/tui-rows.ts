// The terminal UI on the largest cluster: from a key press to the next frame, for moving the cursor, switching
// views and a what-if drain (and its reset). Measured in a process of its own (tui-keys.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './process.js';
import { megabytes, type Row } from './table.js';

const TARGET_MS = 50;

export async function* tuiRows(): AsyncIterable<Row> {
  const script = fileURLToPath(new URL('./tui-keys.js', import.meta.url));
  let out = '';
  const child = spawn(process.execPath, [script], {
    // NODE_ENV as bin.ts sets it for the product: React's production build.
    env: {
      ...process.env,
      CI: '',
      FORCE_COLOR: '',
      NO_COLOR: '',
      NODE_ENV: process.env.NODE_ENV ?? 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`tui-keys exited with ${code}`);
  const figures = JSON.parse(out) as Record<'move' | 'view' | 'drain' | 'reset', number[]> & {
    first: number;
    rssMb: number;
  };
  const row = (what: string, times: number[]): Row => {
    const mid = median(times);
    const worst = Math.max(...times);
    return {
      what: `UI 64 x 8,000: ${what}`,
      ours: `${mid.toFixed(0)} ms`,
      comparison: `target ${TARGET_MS} ms`,
      ratio: mid / TARGET_MS,
      target: `< ${TARGET_MS} ms key to frame`,
      met: mid < TARGET_MS,
      memory: megabytes(figures.rssMb),
      note: `median of ${times.length} presses, slowest ${worst.toFixed(0)} ms; first frame after ${figures.first.toFixed(0)} ms`,
    };
  };
  yield row('move the cursor (j)', figures.move);
  yield row('switch views (1-4)', figures.view);
  yield row('what-if drain (d)', figures.drain);
  yield row('what-if reset (r)', figures.reset);
}
