import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/analyze/what-if.js';
import { App } from '../../src/tui/app.js';
import { ScanFeed } from '../../src/tui/scan-progress.js';
import { aCluster, NOW } from '../helpers/cluster.js';
import { plain, waitForFrame } from '../helpers/ink.js';
import { judged } from '../helpers/judgement.js';

describe('live scan', () => {
  it('shows a row per node at once, updates each as it finishes, then the views', async () => {
    const built = aCluster('lab')
      .node('HV01')
      .rawNode({ name: 'HV02', error: { kind: 'host-key', message: 'THE HOST KEY HAS CHANGED', hint: null } })
      .vm('app')
      .build();
    const feed = new ScanFeed();
    const { lastFrame, frames, unmount } = render(
      <App feed={feed} clusters={null} judge={(c, changes) => judged(applyChanges(c, changes))} />,
    );
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
      await waitForFrame(lastFrame, 'Nodes');
      const all = plain(frames.join('\n'));
      expect(all).toMatch(/✓ lab\/HV01 +2022 Datacenter +activated/);
      expect(all).toMatch(/✗ lab\/HV02 +host-key: THE HOST KEY HAS CHANGED/);
      expect(plain(lastFrame())).toMatch(/lab: INCOMPLETE/);
    } finally {
      unmount();
    }
  });
});
