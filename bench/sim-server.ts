// Serves N simulated nodes answering after a delay, with M VMs spread over them (M = N unless given), in its own
// process, and prints the scan config as JSON. Stops when its stdin closes.
import type { SimClusterSpec } from '../src/sim/recordings.js';
import { serveSpec } from '../src/sim/serve-spec.js';

const count = Number(process.argv[2] ?? 64);
const delayMs = Number(process.argv[3] ?? 200);
const vmCount = Number(process.argv[4] ?? count);
const name = (i: number) => `HV${String(i + 1).padStart(2, '0')}`;
const spec: SimClusterSpec = {
  name: 'bench',
  hosts: Array.from({ length: count }, (_, i) => ({
    name: name(i),
    release: '2022' as const,
    edition: 'Datacenter' as const,
  })),
  vms: Array.from({ length: vmCount }, (_, i) => ({
    name: `vm-${String(i).padStart(5, '0')}`,
    owner: name(i % count),
    guest: { release: '2022' as const, edition: 'Standard' as const },
  })),
};
const faults = delayMs > 0 ? Object.fromEntries(spec.hosts.map((h) => [h.name, { delayMs }])) : {};
const served = await serveSpec(spec, { faults });
process.stdout.write(`${JSON.stringify(served.config)}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  served.close().then(() => process.exit(0));
});
