// Serves the load bench's nodes in their own process and prints the scan config as JSON, then the expected
// outcome of every node: CLUSTERS clusters of NODES nodes on 127.0.0.2, .3, ..., four VMs per node. A quarter
// of the nodes are slow or failing: an eighth answer after SLOW_MS, an eighth fail in five ways. Stops when its
// stdin closes.
import type { Config } from '../src/config/schema.js';
import type { SimFault } from '../src/sim/faults.js';
import type { SimClusterSpec } from '../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../src/sim/serve-spec.js';

const CLUSTERS = 4;
const NODES = 50;
const ANSWER_MS = 200;
const SLOW_MS = 3000;

/** Each failing fault and the error kind a scan must end its node with. */
const FAILURES: [SimFault, string][] = [
  ['refuse', 'unreachable'],
  ['auth-reject', 'auth'],
  ['malformed', 'bad-output'],
  ['drop-reset', 'command-failed'],
  ['host-key', 'host-key'],
];

function plan(index: number): { fault?: SimFault; delayMs: number; expect: string } {
  if (index % 8 === 3) return { delayMs: SLOW_MS, expect: 'ok' };
  if (index % 8 === 7) {
    const [fault, kind] = FAILURES[Math.floor(index / 8) % FAILURES.length] as [SimFault, string];
    return { fault, delayMs: ANSWER_MS, expect: kind };
  }
  return { delayMs: ANSWER_MS, expect: 'ok' };
}

const expected: Record<string, string> = {};
const served: ServedCluster[] = [];
for (let c = 0; c < CLUSTERS; c++) {
  const names = Array.from({ length: NODES }, (_, i) => `C${c + 1}N${String(i + 1).padStart(2, '0')}`);
  const spec: SimClusterSpec = {
    name: `load${c + 1}`,
    hosts: names.map((name) => ({ name, release: '2022', edition: 'Datacenter' })),
    vms: names.flatMap((owner) =>
      [1, 2, 3, 4].map((v) => ({
        name: `${owner}-vm${v}`,
        owner,
        guest: { release: '2022' as const, edition: 'Standard' as const },
      })),
    ),
  };
  const faults = Object.fromEntries(
    names.map((name, i) => {
      const node = plan(c * NODES + i);
      expected[`${spec.name}/${name}`] = node.expect;
      return [name, { ...(node.fault && { fault: node.fault }), delayMs: node.delayMs }];
    }),
  );
  served.push(await serveSpec(spec, { faults, firstOctet: 2 + c * NODES }));
}

const first = served[0]?.config as Config;
// Each cluster's nodes are recorded in the known_hosts file its serveSpec wrote.
const config: Config = {
  ...first,
  clusters: served.flatMap((s) =>
    s.config.clusters.map((cluster) => ({
      ...cluster,
      ssh: { ...cluster.ssh, knownHostsPath: s.knownHostsPath },
    })),
  ),
};
process.stdout.write(`${JSON.stringify({ config, expected })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  Promise.all(served.map((s) => s.close())).then(() => process.exit(0));
});
