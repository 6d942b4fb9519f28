// Run by tui-rows.ts in a process of its own (CI unset: ink decides at import whether it runs in CI). Renders the
// terminal UI's Browser over the largest cluster, presses keys, and times each press until the next frame;
// prints the figures as JSON.
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { DEFAULT_GATE } from '../src/analyze/gate.js';
import { whatIfJudge } from '../src/analyze/what-if-judge.js';
import { Browser } from '../src/tui/browser.js';
import { syntheticCluster } from './synthetic-cluster.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const tick = () => new Promise((resolve) => setImmediate(resolve));

const clusters = [syntheticCluster()];
const judge = whatIfJudge({
  now: NOW,
  expiryWarningDays: 30,
  ignore: null,
  baseline: null,
  gate: DEFAULT_GATE,
});

const started = performance.now();
const app = render(createElement(Browser, { clusters, judge }));

async function until(done: (frame: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const from = performance.now();
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (done(frame)) return frame;
    if (performance.now() - from > timeoutMs) throw new Error(`no such frame; last:\n${frame}`);
    await tick();
  }
}

/** Presses a key; the milliseconds until a frame that `done` accepts (by default: any new frame). */
async function press(key: string, done?: (frame: string) => boolean): Promise<number> {
  const before = app.lastFrame();
  const from = performance.now();
  app.stdin.write(key);
  await until(done ?? ((frame) => frame !== before));
  return performance.now() - from;
}

await until((frame) => frame.includes('Nodes'));
const first = performance.now() - started;
const move: number[] = [];
const view: number[] = [];
const drain: number[] = [];
const reset: number[] = [];
for (let i = 0; i < 10; i++) move.push(await press('j'));
// Views differ in every line: any new frame is the new view.
for (const key of ['2', '3', '4', '1', '2', '1']) view.push(await press(key));
// A different node each time, as someone looking for the node to take down would.
for (let i = 0; i < 9; i++) {
  drain.push(await press('d', (frame) => frame.includes('WHAT-IF')));
  reset.push(await press('r', (frame) => !frame.includes('WHAT-IF')));
  await press('j');
}
app.unmount();
process.stdout.write(
  `${JSON.stringify({ first, move, view, drain, reset, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
process.exit(0);
