import { describe, expect, it } from 'vitest';
import { LivePhase } from '../../src/tui/live-phase.js';
import { ScanFeed } from '../../src/tui/scan-progress.js';
import { aCluster, NOW } from '../helpers/cluster.js';
import { plain, renderSized, waitForFrame } from '../helpers/ink.js';

describe('live scan', () => {
  it('shows a row per node at once, updates each as it finishes, and ends when the scan does', async () => {
    const built = aCluster('lab')
      .node('HV01')
      .rawNode({ name: 'HV02', error: { kind: 'host-key', message: 'THE HOST KEY HAS CHANGED', hint: null } })
      .vm('app')
      .build();
    const feed = new ScanFeed();
    const { lastFrame, frames, unmount, waitUntilExit } = renderSized(<LivePhase feed={feed} />, {
      columns: 100,
      rows: 24,
    });
    try {
      feed.push({ type: 'scan-started', clusters: [{ name: 'lab', nodes: ['HV01', 'HV02'] }] });
      await waitForFrame(lastFrame, 'lab 0/2 nodes read');
      feed.push({ type: 'node-started', cluster: 'lab', node: 'HV01', host: '127.0.0.2' });
      feed.push({ type: 'node-started', cluster: 'lab', node: 'HV02', host: '127.0.0.3' });
      await waitForFrame(lastFrame, '127.0.0.3');
      const [first, second] = built.nodes;
      if (!first || !second) throw new Error('nodes');
      feed.push({ type: 'node-finished', cluster: 'lab', node: first, vmCount: 1, ms: 80, attempts: 1 });
      await waitForFrame(lastFrame, 'lab 1/2 nodes read');
      feed.push({ type: 'node-finished', cluster: 'lab', node: second, vmCount: 0, ms: 90, attempts: 1 });
      await waitForFrame(lastFrame, '1 failed');
      feed.push({
        type: 'scan-finished',
        snapshot: {
          kind: 'avma-check-snapshot',
          schemaVersion: 1,
          takenAt: NOW.toISOString(),
          source: 'scan',
          clusters: [built],
        },
      });
      await waitUntilExit();
      const all = plain(frames.join('\n'));
      expect(all).toMatch(/✓ lab\/HV01 +2022 Datacenter +activated/);
      expect(all).toMatch(/✗ lab\/HV02 +host-key: THE HOST KEY HAS CHANGED/);
      expect(all).toContain('lab 2/2 nodes read, 1 failed');
    } finally {
      unmount();
    }
  });

  it('q while scanning asks to stop the scan', async () => {
    const feed = new ScanFeed();
    let interrupted = 0;
    const { lastFrame, stdin, unmount } = renderSized(
      <LivePhase feed={feed} onInterrupt={() => interrupted++} />,
      { columns: 100, rows: 24 },
    );
    try {
      feed.push({ type: 'scan-started', clusters: [{ name: 'lab', nodes: ['HV01'] }] });
      await waitForFrame(lastFrame, 'lab 0/1 nodes read');
      stdin.write('q');
      await waitForFrame(() => (interrupted > 0 ? 'stopped' : ''), 'stopped');
      expect(interrupted).toBe(1);
    } finally {
      unmount();
    }
  });
});
