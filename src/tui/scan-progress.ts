// ScanEvents -> what the live view shows. The same events the plain progress lines read.
import type { NodeRecord } from '../model/facts.js';
import type { ScanEvent } from '../model/scan-events.js';
import type { Snapshot } from '../model/snapshot.js';

export interface LiveRow {
  cluster: string;
  name: string;
  host: string | null;
  status: 'waiting' | 'running' | 'done';
  record: NodeRecord | null;
  vmCount: number;
  ms: number;
  startedAt: number | null;
}

export interface ScanProgress {
  rows: LiveRow[];
  snapshot: Snapshot | null;
}

export const emptyProgress: ScanProgress = { rows: [], snapshot: null };

const key = (cluster: string, name: string) => `${cluster}\u0000${name.toLowerCase()}`;

function waitingRow(cluster: string, name: string): LiveRow {
  return { cluster, name, host: null, status: 'waiting', record: null, vmCount: 0, ms: 0, startedAt: null };
}

export function applyScanEvent(progress: ScanProgress, event: ScanEvent, now: number): ScanProgress {
  switch (event.type) {
    case 'scan-started':
      return {
        ...progress,
        rows: event.clusters.flatMap((c) => c.nodes.map((name) => waitingRow(c.name, name))),
      };
    case 'cluster-discovered':
      return {
        ...progress,
        rows: [...progress.rows, ...event.added.map((name) => waitingRow(event.cluster, name))],
      };
    case 'node-started':
    case 'node-finished': {
      const name = event.type === 'node-started' ? event.node : event.node.name;
      const rows = [...progress.rows];
      let index = rows.findIndex((row) => key(row.cluster, row.name) === key(event.cluster, name));
      if (index < 0) {
        rows.push(waitingRow(event.cluster, name));
        index = rows.length - 1;
      }
      const row = rows[index] as LiveRow;
      rows[index] =
        event.type === 'node-started'
          ? { ...row, host: event.host, status: 'running', startedAt: now }
          : { ...row, status: 'done', record: event.node, vmCount: event.vmCount, ms: event.ms };
      return { ...progress, rows };
    }
    case 'scan-finished':
      return { ...progress, snapshot: event.snapshot };
    case 'host-key-recorded':
      return progress;
  }
}

export interface ClusterProgress {
  cluster: string;
  done: number;
  total: number;
  failed: number;
}

export function clusterProgress(progress: ScanProgress): ClusterProgress[] {
  const byCluster = new Map<string, ClusterProgress>();
  for (const row of progress.rows) {
    const entry = byCluster.get(row.cluster) ?? { cluster: row.cluster, done: 0, total: 0, failed: 0 };
    entry.total++;
    if (row.status === 'done') entry.done++;
    if (row.record?.error) entry.failed++;
    byCluster.set(row.cluster, entry);
  }
  return [...byCluster.values()];
}

/** A store the scan pushes events into and the UI subscribes to. */
export class ScanFeed {
  private progress: ScanProgress = emptyProgress;
  private readonly listeners = new Set<() => void>();

  push = (event: ScanEvent): void => {
    this.progress = applyScanEvent(this.progress, event, Date.now());
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ScanProgress => this.progress;
}
