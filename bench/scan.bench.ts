// npm run bench: 64 simulated nodes answering after 200 ms (served by a second process), scanned at
// concurrency 64, 16 and 1, against a single node. Target: 64 nodes within 1.5x the single-node time.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Config } from '../src/config/schema.js';
import { scanToSnapshot } from '../src/scan/scan.js';

const NODES = 64;
const DELAY_MS = 200;

async function startServer(): Promise<{ config: Config; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./sim-server.js', import.meta.url)), String(NODES), String(DELAY_MS)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const [line] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value as string]);
  return { config: JSON.parse(line ?? '{}') as Config, stop: () => child.stdin.end() };
}

async function timeScan(config: Config, concurrency: number): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  const snapshot = await scanToSnapshot(config, { now: new Date(), env: {}, concurrency, retryDelaysMs: [] });
  const failed = snapshot.clusters.flatMap((c) => c.nodes).filter((n) => n.error).length;
  return { ms: performance.now() - started, failed };
}

const { config, stop } = await startServer();
try {
  const cluster = config.clusters[0];
  if (!cluster) throw new Error('no cluster');
  const single: Config = { ...config, clusters: [{ ...cluster, nodes: cluster.nodes.slice(0, 1) }] };
  // Warm up (JIT, key parsing), then take the median of three runs of each layout.
  await timeScan(config, 64);
  const median = async (of: Config, concurrency: number, runs = 3) => {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await timeScan(of, concurrency));
    all.sort((a, b) => a.ms - b.ms);
    return all[Math.floor(runs / 2)] ?? { ms: 0, failed: 0 };
  };
  const one = await median(single, 1);
  const results = [] as { label: string; ms: number; failed: number }[];
  for (const concurrency of [64, 16])
    results.push({
      label: `${NODES} nodes at concurrency ${concurrency}`,
      ...(await median(config, concurrency)),
    });
  results.push({ label: `${NODES} nodes at concurrency 1`, ...(await timeScan(config, 1)) });
  console.log(
    `scan: simulated nodes answering after ${DELAY_MS} ms, served by a second process (median of 3; concurrency 1 once)`,
  );
  console.log(`  1 node                    ${one.ms.toFixed(0)} ms`);
  for (const r of results)
    console.log(`  ${r.label.padEnd(25)} ${r.ms.toFixed(0)} ms${r.failed ? ` (${r.failed} failed)` : ''}`);
  const ratio = (results[0]?.ms ?? 0) / one.ms;
  console.log(
    `  64 at concurrency 64 / 1 node = ${ratio.toFixed(2)}x (target <= 1.5x): ${ratio <= 1.5 ? 'within target' : 'OUTSIDE TARGET'}`,
  );
  // A failed node means the figures are not comparable: that is a failure of the benchmark itself.
  process.exitCode = results.every((r) => r.failed === 0) ? 0 : 1;
} finally {
  stop();
}
