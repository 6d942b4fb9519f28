import type { NodeRecord } from './facts.js';
import type { Snapshot } from './snapshot.js';

/** What a scan reports as it goes: the terminal UI and the plain progress lines both read these. */
export type ScanEvent =
  | { type: 'scan-started'; clusters: { name: string; nodes: string[] }[] }
  | { type: 'node-started'; cluster: string; node: string; host: string }
  | {
      type: 'node-finished';
      cluster: string;
      node: NodeRecord;
      vmCount: number;
      ms: number;
      attempts: number;
    }
  | { type: 'cluster-discovered'; cluster: string; added: string[] }
  /** Trust on first use (--accept-new-host-keys): a key written to known_hosts, to compare with the node's. */
  | { type: 'host-key-recorded'; host: string; fingerprint: string; file: string }
  | { type: 'scan-finished'; snapshot: Snapshot };
