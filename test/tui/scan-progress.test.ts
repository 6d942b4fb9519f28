import { describe, expect, it } from 'vitest';
import { applyScanEvent, clusterProgress, emptyProgress, ScanFeed } from '../../src/tui/scan-progress.js';
import { aCluster } from '../helpers/cluster.js';

const [ok, failed] = aCluster('c')
  .node('N1')
  .rawNode({ name: 'N2', error: { kind: 'timeout', message: 'slow', hint: null } })
  .build().nodes;

describe('scan progress', () => {
  it('follows the events: waiting, running, done; per-cluster counts', () => {
    let progress = applyScanEvent(
      emptyProgress,
      { type: 'scan-started', clusters: [{ name: 'c', nodes: ['N1', 'N2'] }] },
      0,
    );
    expect(progress.rows.map((r) => r.status)).toEqual(['waiting', 'waiting']);
    progress = applyScanEvent(
      progress,
      { type: 'node-started', cluster: 'c', node: 'N1', host: '127.0.0.2' },
      5,
    );
    expect(progress.rows[0]).toMatchObject({ status: 'running', host: '127.0.0.2', startedAt: 5 });
    if (!ok || !failed) throw new Error('no nodes');
    progress = applyScanEvent(
      progress,
      { type: 'node-finished', cluster: 'c', node: ok, vmCount: 3, ms: 80, attempts: 1 },
      9,
    );
    progress = applyScanEvent(
      progress,
      { type: 'node-finished', cluster: 'c', node: failed, vmCount: 0, ms: 900, attempts: 3 },
      9,
    );
    expect(clusterProgress(progress)).toEqual([{ cluster: 'c', done: 2, total: 2, failed: 1 }]);
    progress = applyScanEvent(progress, { type: 'cluster-discovered', cluster: 'c', added: ['N3'] }, 10);
    expect(clusterProgress(progress)[0]).toMatchObject({ done: 2, total: 3 });
  });

  it('the feed notifies subscribers', () => {
    const feed = new ScanFeed();
    let calls = 0;
    const stop = feed.subscribe(() => calls++);
    feed.push({ type: 'scan-started', clusters: [{ name: 'c', nodes: ['N1'] }] });
    stop();
    feed.push({ type: 'scan-started', clusters: [] });
    expect(calls).toBe(1);
    expect(feed.get().rows).toEqual([]);
  });
});
