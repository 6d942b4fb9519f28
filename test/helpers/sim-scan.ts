// Scans a simulated cluster over real SSH on loopback, with short timeouts so faults show fast.
import { readFile } from 'node:fs/promises';
import type { Config } from '../../src/config/schema.js';
import type { ScanEvent } from '../../src/model/scan-events.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { type ScanOptions, scanToSnapshot } from '../../src/scan/scan.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServeOptions, serveSpec } from '../../src/sim/serve-spec.js';
import type { SimCluster } from '../../src/sim/sim-cluster.js';

export const FAULT_SPEC: SimClusterSpec = {
  name: 'lab',
  hosts: [
    { name: 'BAD', release: '2022', edition: 'Datacenter' },
    { name: 'OK1', release: '2022', edition: 'Datacenter' },
    { name: 'OK2', release: '2019', edition: 'Datacenter' },
    { name: 'OK3', release: '2025', edition: 'Standard' },
  ],
  vms: [
    { name: 'on-bad', owner: 'BAD', guest: { release: '2022', edition: 'Standard' } },
    { name: 'on-ok1', owner: 'OK1', guest: { release: '2016', edition: 'Standard' } },
    { name: 'on-ok2', owner: 'OK2', guest: { release: '2019', edition: 'Datacenter' } },
  ],
};

export interface SimScan {
  snapshot: Snapshot;
  /** The simulated nodes, as the scan left them (closed: counts only). */
  sim: SimCluster;
  events: ScanEvent[];
  /** The known_hosts file as the scan left it. */
  knownHosts: string;
  ms: number;
}

export async function simScan(
  spec: SimClusterSpec,
  serve: ServeOptions = {},
  options: Partial<ScanOptions> = {},
  /** Changes the generated config, e.g. to log in with a password. */
  edit: (config: Config) => Config = (config) => config,
): Promise<SimScan> {
  const served = await serveSpec(spec, serve);
  try {
    const events: ScanEvent[] = [];
    const started = performance.now();
    const snapshot = await scanToSnapshot(
      edit(served.config),
      {
        now: new Date('2026-11-22T00:00:00.000Z'),
        env: {},
        connectTimeoutSeconds: 1,
        commandTimeoutSeconds: 3,
        retryDelaysMs: [50, 100],
        systemKnownHostsPaths: [],
        ...options,
      },
      (event) => events.push(event),
    );
    const ms = performance.now() - started;
    return {
      snapshot,
      sim: served.sim,
      events,
      knownHosts: await readFile(served.knownHostsPath, 'utf8'),
      ms,
    };
  } finally {
    await served.close();
  }
}

export function nodeOf(result: SimScan, name: string) {
  return result.snapshot.clusters[0]?.nodes.find((node) => node.name === name);
}
