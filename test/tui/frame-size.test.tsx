// Full screen without flicker or wrapping: every frame is at most rows - 1 lines (ink clears the whole screen
// for a frame that fills the terminal) and no line is wider than the terminal, in every view and overlay.
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import { Browser } from '../../src/tui/browser.js';
import { aCluster } from '../helpers/cluster.js';
import { KEYS, plain, renderSized, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

const builder = aCluster('lab').node('HV01').node('HV02', { release: '2019', build: 17763 });
for (let i = 0; i < 40; i++)
  builder.vm(`vm${i}-with-a-long-name`, { guest: { release: i % 3 ? '2022' : '2025' } });
const lab = builder.build();

function fits(frame: string, size: { columns: number; rows: number }) {
  const lines = plain(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect(Array.from(line).length, line).toBeLessThanOrEqual(size.columns);
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 60, rows: 16 },
  { columns: 120, rows: 12 },
])('at $columns x $rows', (size) => {
  it('every view, details and help fit the terminal', async () => {
    const app = renderSized(
      <Browser clusters={[lab]} judge={(c, changes) => judged(applyChanges(c, changes))} />,
      size,
    );
    unmount = app.unmount;
    await waitForFrame(app.lastFrame, 'Nodes');
    const steps: [string, string | RegExp][] = [
      [KEYS.enter, 'HV01'],
      ['?', 'Keys'],
      [KEYS.escape, 'Nodes'],
      ['d', 'WHAT-IF'],
      ['2', 'with-a-long'],
      ['G', /› vm39-/],
      [KEYS.enter, 'Key-Value'],
      [KEYS.escape, 'with-a-long'],
      ['3', '✓ activatable'],
      ['4', 'guest-newer'],
    ];
    for (const [key, expected] of steps) {
      app.stdin.write(key);
      fits(await waitForFrame(app.lastFrame, expected), size);
    }
    for (const frame of app.frames) fits(frame, size);
  });
});
