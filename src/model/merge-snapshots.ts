// Snapshots from several runs (a CI job per cluster, say) as one: every cluster once. A cluster in two
// snapshots is refused unless both hold exactly the same facts, so two views of one cluster never blend.
import type { ClusterRecord } from './facts.js';
import { makeSnapshot, type Snapshot } from './snapshot.js';

export interface NamedSnapshot {
  file: string;
  snapshot: Snapshot;
}

export type MergeResult = { ok: true; snapshot: Snapshot } | { ok: false; problems: string[] };

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export function mergeSnapshots(inputs: readonly NamedSnapshot[]): MergeResult {
  const seen = new Map<string, { file: string; cluster: ClusterRecord }>();
  const clusters: ClusterRecord[] = [];
  const problems: string[] = [];
  for (const { file, snapshot } of inputs) {
    for (const cluster of snapshot.clusters) {
      const key = cluster.name.toLowerCase();
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { file, cluster });
        clusters.push(cluster);
      } else if (canonical(earlier.cluster) !== canonical(cluster)) {
        problems.push(
          `cluster ${cluster.name} is in ${earlier.file} and in ${file} with different facts: merge one snapshot per cluster`,
        );
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const taken = inputs.map((i) => i.snapshot.takenAt).sort();
  const source = inputs.some((i) => i.snapshot.source === 'scan') ? 'scan' : 'config';
  // The merged facts are as old as the oldest of them.
  return { ok: true, snapshot: makeSnapshot(clusters, new Date(taken[0] ?? 0), source) };
}
