// A clusters.yaml for simulated nodes, as a user writes one, for CLI runs (in-process or spawned) against them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServedCluster } from '../../src/sim/serve-spec.js';

/** Writes DIR/NAME listing every simulated node; `ssh` adds to or replaces the default SSH settings (null: left out). */
export function writeSimConfig(
  served: ServedCluster,
  ssh: Record<string, string | number | boolean | null> = {},
  name = 'clusters.yaml',
): string {
  const defaults = served.config.defaults?.ssh;
  const settings = {
    username: defaults?.username,
    privateKeyPath: defaults?.privateKeyPath,
    knownHostsPath: served.knownHostsPath,
    agent: false,
    configFile: 'none',
    ...ssh,
  };
  const nodes = served.sim.nodes.map(
    (n) => `      - { name: ${JSON.stringify(n.name)}, host: ${n.host}, ssh: { port: ${n.port} } }`,
  );
  const file = join(served.dir, name);
  writeFileSync(
    file,
    [
      'defaults:',
      `  ssh: ${JSON.stringify(Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== null)))}`,
      'clusters:',
      `  - name: ${JSON.stringify(served.config.clusters[0]?.name)}`,
      '    nodes:',
      ...nodes,
      '',
    ].join('\n'),
  );
  return file;
}
