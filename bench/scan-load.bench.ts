// Load: 200 simulated nodes (4 clusters of 50, served by a second process) scanned at concurrency 200, a quarter
// of them slow (3 s) or failing in five ways. Prints the total time, the count of each outcome and the peak
// memory of the scanning process; fails when a node is missing or ends otherwise than planned.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Config } from '../src/config/schema.js';
import { scanToSnapshot } from '../src/scan/scan.js';

const CONCURRENCY = 200;

interface Served {
  config: Config;
  expected: Record<string, string>;
}

async function startServer(): Promise<Served & { stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./load-sim-server.js', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const served = JSON.parse(String(first.value ?? '{}')) as Served;
  return { ...served, stop: () => child.stdin.end() };
}

function count(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

const { config, expected, stop } = await startServer();
try {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const snapshot = await scanToSnapshot(config, {
    now: new Date(),
    env: {},
    concurrency: CONCURRENCY,
    connectTimeoutSeconds: 10,
    commandTimeoutSeconds: 20,
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const outcomes = new Map<string, string>(
    snapshot.clusters.flatMap((cluster) =>
      cluster.nodes
        .filter((node) => node.source === 'scanned')
        .map((node) => [`${cluster.name}/${node.name}`, node.error?.kind ?? 'ok'] as const),
    ),
  );
  const wrong = Object.entries(expected).filter(([node, kind]) => outcomes.get(node) !== kind);
  const vms = snapshot.clusters.reduce((sum, cluster) => sum + cluster.vms.length, 0);
  console.log(
    `scan-load: ${Object.keys(expected).length} simulated nodes (4 clusters of 50, a second process), concurrency ${CONCURRENCY}`,
  );
  console.log(`  total time        ${(ms / 1000).toFixed(2)} s (the slowest planned node answers after 3 s)`);
  console.log(`  results           ${outcomes.size} of ${Object.keys(expected).length} nodes, ${vms} VMs`);
  for (const [kind, n] of count([...outcomes.values()])) console.log(`    ${kind.padEnd(16)}${n}`);
  console.log(`  peak RSS          ${(peakRss / 1024 / 1024).toFixed(0)} MiB (scanning process)`);
  for (const [node, kind] of wrong)
    console.log(`  WRONG: ${node} ended as ${outcomes.get(node) ?? 'missing'}, planned ${kind}`);
  process.exitCode = wrong.length === 0 && outcomes.size === Object.keys(expected).length ? 0 : 1;
} finally {
  stop();
}
