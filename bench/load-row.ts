// Load: 200 simulated nodes (4 clusters of 50, served by a second process) scanned by the bin at concurrency 200,
// a quarter of them slow (3 s) or failing in five ways. Nothing may be lost: every node must end as planned.
// The comparison is the slowest node's own answer time, the floor no scan can beat.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../src/config/schema.js';
import { avma } from './process.js';
import { serveNodes } from './serve-nodes.js';
import { megabytes, type Row, seconds } from './table.js';

const CONCURRENCY = 200;
const SLOWEST_MS = 3000;

interface Served {
  config: Config;
  expected: Record<string, string>;
}

interface ReportNode {
  name: string;
  error: { kind: string } | null;
}

/** Each node's outcome in the report: `ok` or its error kind, keyed `cluster/node`. */
function outcomes(report: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
    clusters: { name: string; nodes: ReportNode[] }[];
  };
  return new Map(
    parsed.clusters.flatMap((cluster) =>
      cluster.nodes.map((node) => [`${cluster.name}/${node.name}`, node.error?.kind ?? 'ok'] as const),
    ),
  );
}

function tally(values: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

export async function* loadRow(dir: string): AsyncIterable<Row> {
  const { config, expected, stop } = await serveNodes<Served>('./load-sim-server.js');
  try {
    const configFile = join(dir, 'load.json');
    writeFileSync(configFile, JSON.stringify(config));
    const report = join(dir, 'load-report.json');
    const args = ['scan', '-c', configFile, '--concurrency', String(CONCURRENCY), '-f', 'json', '-o', report];
    const result = await avma([...args, '--no-tui', '--command-timeout', '20'], {
      rss: true,
      timeoutMs: 120_000,
    });
    const wrote = result.code !== null && result.code !== 2; // 1 or 3: failing nodes leave VMs at risk or unknown
    const got = wrote ? outcomes(report) : new Map<string, string>();
    const wrong = Object.entries(expected).filter(([node, kind]) => got.get(node) !== kind);
    const planned = Object.keys(expected).length;
    yield {
      what: `scan ${planned} nodes, concurrency ${CONCURRENCY}, a quarter slow or failing`,
      ours: seconds(result.ms),
      comparison: `slowest node ${seconds(SLOWEST_MS)}`,
      ratio: result.ms / SLOWEST_MS,
      target: 'every node as planned, < 2x slowest',
      met: wrong.length === 0 && result.ms < 2 * SLOWEST_MS,
      memory: megabytes(result.rssMb),
      note:
        wrong.length === 0
          ? `${got.size} of ${planned} nodes: ${tally(got.values())}`
          : `exit ${result.code}; wrong: ${wrong
              .slice(0, 5)
              .map(([node, kind]) => `${node} ended ${got.get(node) ?? 'missing'}, planned ${kind}`)
              .join('; ')}${result.stderr ? ` (${result.stderr.split('\n')[0]})` : ''}`,
    };
  } finally {
    stop();
  }
}
