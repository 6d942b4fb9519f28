// plan --suggest-order: 8 nodes x 2,000 VMs with 4 and 7 upgrades, and the largest cluster with every node
// upgraded; whole processes, the plan's text report written to a file.
import { join } from 'node:path';
import { avma, medianRun } from './process.js';
import { NOW_ARG, writeConfig } from './report-rows.js';
import { megabytes, type Row, seconds } from './table.js';

const TIMEOUT_MS = 60_000;

function upgrades(count: number): string[] {
  return Array.from({ length: count }, (_, i) => [
    '--upgrade',
    `HV${String(i + 1).padStart(2, '0')}=2025`,
  ]).flat();
}

async function planRow(what: string, config: string, count: number, targetMs: number, out: string) {
  const args = ['plan', '-c', config, '--suggest-order', ...upgrades(count), ...NOW_ARG, '-o', out];
  const result = await medianRun(5, () => avma(args, { rss: true, timeoutMs: TIMEOUT_MS }));
  const row: Row = {
    what,
    ours: result.failed
      ? result.failed.timedOut
        ? `> ${seconds(TIMEOUT_MS)}`
        : `exit ${result.failed.code}`
      : seconds(result.ms),
    comparison: `target ${seconds(targetMs)}`,
    ratio: result.failed ? null : result.ms / targetMs,
    target: `< ${seconds(targetMs)}`,
    met: result.failed ? false : result.ms < targetMs,
    memory: megabytes(result.rssMb),
    note: result.failed?.timedOut
      ? 'killed at the time limit'
      : result.failed
        ? result.failed.stderr.split('\n').slice(0, 2).join(' | ')
        : `${result.runs} runs`,
  };
  return row;
}

export async function* planRows(dir: string): AsyncIterable<Row> {
  const small = writeConfig(dir, 'plan-8x2000.json', 8, 2000);
  const out = join(dir, 'plan.txt');
  yield await planRow('plan --suggest-order, 8 x 2,000, 4 upgrades', small, 4, 1000, out);
  yield await planRow('plan --suggest-order, 8 x 2,000, 7 upgrades', small, 7, 2000, out);
  const big = writeConfig(dir, 'plan-64x8000.json', 64, 8000);
  yield await planRow('plan --suggest-order, 64 x 8,000, every node upgraded', big, 64, 10_000, out);
}
