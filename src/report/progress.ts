// Without a terminal UI: one line per node as it finishes (stderr), from the same ScanEvents the UI reads.
import type { ScanEvent } from '../model/scan-events.js';
import { activationText, editionText, hyperVText, plural, releaseText } from './describe.js';
import { sanitize } from './sanitize.js';
import { makeStyle } from './style.js';

export function progressLine(event: ScanEvent, color: boolean): string | null {
  const style = makeStyle(color);
  switch (event.type) {
    case 'scan-started': {
      const nodes = event.clusters.reduce((sum, cluster) => sum + cluster.nodes.length, 0);
      return style.dim(
        `Scanning ${plural(nodes, 'node')} in ${plural(event.clusters.length, 'cluster')} over SSH`,
      );
    }
    case 'cluster-discovered':
      return style.dim(
        `  ${sanitize(event.cluster, 64)}: discovered ${event.added.map((n) => sanitize(n, 64)).join(', ')}`,
      );
    case 'host-key-recorded':
      return hostKeyRecordedLine(event);
    case 'node-finished': {
      const { node } = event;
      const name = `${sanitize(event.cluster, 64)}/${sanitize(node.name, 64)}`;
      const timing = style.dim(`${event.ms} ms${event.attempts > 1 ? `, ${event.attempts} attempts` : ''}`);
      if (node.error || !node.facts) {
        const error = node.error ? `${node.error.kind}: ${sanitize(node.error.message, 300)}` : 'no facts';
        return `  ${style.bad('✗')} ${name}  ${error}  ${timing}`;
      }
      const facts = node.facts;
      const summary = [
        `${releaseText(facts)} ${editionText(facts)}`,
        activationText(facts),
        hyperVText(facts),
        plural(event.vmCount, 'VM'),
      ];
      const partial =
        node.probeErrors.length > 0
          ? style.warn(`  (${plural(node.probeErrors.length, 'probe')} failed)`)
          : '';
      return `  ${style.good('✓')} ${name}  ${summary.join(', ')}${partial}  ${timing}`;
    }
    default:
      return null;
  }
}

/** As OpenSSH's "Permanently added", with the fingerprint to compare with the node's own (ssh-keygen -lf). */
export function hostKeyRecordedLine(event: Extract<ScanEvent, { type: 'host-key-recorded' }>): string {
  return `  + recorded the host key of ${sanitize(event.host, 200)} in ${sanitize(event.file, 300)}: ${sanitize(event.fingerprint, 120)}`;
}
