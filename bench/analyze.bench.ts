// npm run bench: analysis of the largest cluster Windows allows, with time and peak memory.
import { analyze } from '../src/analyze/analyze.js';
import { DEFAULT_GATE } from '../src/analyze/gate.js';
import { judge } from '../src/analyze/judge.js';
import { reportFormatters } from '../src/report/index.js';
import { render } from '../src/report/types.js';
import { syntheticCluster } from './synthetic-cluster.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const RUNS = 7;
const TARGET_MS = 1000;
const TARGET_MB = 300;

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const cluster = syntheticCluster();
gc?.();
const baseline = process.memoryUsage();
let peakHeap = 0;
let peakRss = 0;
const times: number[] = [];
let targets = 0;
let findings = 0;
for (let run = 0; run < RUNS; run++) {
  const { value: report, ms } = timed(() => analyze([cluster], { now: NOW }));
  times.push(ms);
  const memory = process.memoryUsage();
  peakHeap = Math.max(peakHeap, memory.heapUsed - baseline.heapUsed);
  peakRss = Math.max(peakRss, memory.rss);
  targets = report.clusters[0]?.vms.reduce((sum, vm) => sum + vm.targets.length, 0) ?? 0;
  findings = report.clusters[0]?.findings.length ?? 0;
  gc?.();
}
const analyzeRssMb = process.resourceUsage().maxRSS / 1024;
const judgement = judge([cluster], {
  now: NOW,
  expiryWarningDays: 30,
  ignore: null,
  baseline: null,
  gate: DEFAULT_GATE,
});
const json = timed(() => render(reportFormatters.json, judgement, { color: false, exitCode: 1 }));
const text = timed(() => render(reportFormatters.text, judgement, { color: false, exitCode: 1 }));
const formatRssMb = process.resourceUsage().maxRSS / 1024;

const analyzeMs = median(times);
console.log(
  `analyze: ${cluster.nodes.length} nodes x ${cluster.vms.length} VMs = ${targets} targets, ${findings} findings`,
);
console.log(
  `  time     median ${analyzeMs.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`,
);
console.log(
  `  memory   report heap ${mb(peakHeap)} MB, peak RSS ${analyzeRssMb.toFixed(0)} MB (target < ${TARGET_MB} MB)${gc ? '' : ' [run with --expose-gc for exact heap]'}`,
);
console.log(
  `  format   json ${json.ms.toFixed(0)} ms (${mb(json.value.length)} MB), text ${text.ms.toFixed(0)} ms, peak RSS with formatting ${formatRssMb.toFixed(0)} MB`,
);
const ok = analyzeMs < TARGET_MS && analyzeRssMb < TARGET_MB;
console.log(ok ? '  within targets' : '  OUTSIDE TARGETS');
process.exitCode = ok ? 0 : 1;
