// The two phases on a terminal: the live rows in the main screen (they stay in the scrollback), the browser on
// the alternate screen, which is left when the UI ends, however it ends.
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import type { WhatIfJudge } from '../../src/analyze/what-if-judge.js';
import { runTui, type TuiOptions } from '../../src/tui/run-tui.js';
import { ScanFeed } from '../../src/tui/scan-progress.js';
import { aCluster, NOW } from '../helpers/cluster.js';
import { FakeStdin, plain, SizedStdout, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

const lab = aCluster('lab').node('HV01').node('HV02').vm('web01').build();
const judge: WhatIfJudge = (c, changes) => judged(applyChanges(c, changes));

function terminal(options: Partial<TuiOptions>) {
  const stdout = new SizedStdout({ columns: 100, rows: 24 });
  const stdin = new FakeStdin();
  const screen = { enter: () => stdout.write('<ENTER>'), leave: () => stdout.write('<LEAVE>') };
  const done = runTui({
    feed: null,
    clusters: null,
    judge,
    color: false,
    screen,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    ...options,
  });
  const output = () => plain(stdout.frames.join(''));
  return { stdin, done, output };
}

describe('runTui', () => {
  it('the live rows stay in the main screen; the browser is on the alternate screen until quit', async () => {
    const feed = new ScanFeed();
    const { stdin, done, output } = terminal({ feed });
    feed.push({ type: 'scan-started', clusters: [{ name: 'lab', nodes: ['HV01', 'HV02'] }] });
    for (const node of lab.nodes)
      feed.push({ type: 'node-finished', cluster: 'lab', node, vmCount: 1, ms: 5, attempts: 1 });
    feed.push({
      type: 'scan-finished',
      snapshot: {
        kind: 'avma-check-snapshot',
        schemaVersion: 1,
        takenAt: NOW.toISOString(),
        source: 'scan',
        clusters: [lab],
      },
    });
    await waitForFrame(output, '1 Nodes');
    expect(output()).not.toContain('<LEAVE>');
    stdin.write('d');
    await waitForFrame(output, 'WHAT-IF');
    stdin.write('pq');
    expect(await done).toEqual({ plan: [{ kind: 'drain', cluster: 'lab', node: 'HV01' }] });
    const all = output();
    const at = (text: string) => all.indexOf(text);
    expect(at('✓ lab/HV02')).toBeGreaterThanOrEqual(0);
    expect(at('lab 2/2 nodes read')).toBeLessThan(at('<ENTER>'));
    expect(at('✓ lab/HV02')).toBeLessThan(at('<ENTER>'));
    expect(at('<ENTER>')).toBeLessThan(at('1 Nodes'));
    // Nothing is drawn after the alternate screen is left: the report that follows lands in the scrollback.
    expect(all.trimEnd().endsWith('<LEAVE>')).toBe(true);
  });

  it('check: the browser at once, on the alternate screen', async () => {
    const { stdin, done, output } = terminal({ clusters: [lab] });
    await waitForFrame(output, '1 Nodes');
    expect(output().startsWith('<ENTER>')).toBe(true);
    stdin.write('q');
    expect(await done).toEqual({ plan: null });
    expect(output().trimEnd().endsWith('<LEAVE>')).toBe(true);
  });

  it('leaves the alternate screen when the browser fails', async () => {
    const failing: WhatIfJudge = () => {
      throw new Error('judgement failed');
    };
    const { done, output } = terminal({ clusters: [lab], judge: failing });
    await expect(done).rejects.toThrow('judgement failed');
    expect(output()).toContain('<ENTER>');
    expect(output().trimEnd().endsWith('<LEAVE>')).toBe(true);
  });
});
