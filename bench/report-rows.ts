// check at the Hyper-V maximum (64 nodes x 8,000 VMs, a JSON config) as text and as JSON, and the Markdown job
// summary of 64 nodes x 300 VMs with long target lists; each a whole process, median of 5, peak RSS.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { avma, medianRun } from './process.js';
import { syntheticConfig } from './synthetic-config.js';
import { megabytes, type Row, seconds } from './table.js';

export const NOW_ARG = ['--now', '2026-11-22'];

export function writeConfig(dir: string, name: string, nodes: number, vms: number): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(syntheticConfig(nodes, vms)));
  return file;
}

interface Target {
  ms: number;
  mb: number;
  reportMb?: number;
}

async function checkRow(what: string, args: string[], target: Target, report: string): Promise<Row> {
  const result = await medianRun(5, () =>
    avma([...args, '-o', report, ...NOW_ARG, '--no-tui'], { rss: true }),
  );
  if (result.failed) {
    return {
      what,
      ours: result.failed.timedOut ? 'timed out' : `exit ${result.failed.code}`,
      comparison: '-',
      ratio: null,
      target: '-',
      met: false,
      memory: '-',
      note: result.failed.stderr.split('\n').slice(0, 3).join(' | '),
    };
  }
  const reportMb = statSync(report).size / 1024 / 1024;
  const memoryOk = result.rssMb !== null && result.rssMb < target.mb;
  const sizeOk = target.reportMb === undefined || reportMb < target.reportMb;
  return {
    what,
    ours: seconds(result.ms),
    comparison: `target ${seconds(target.ms)}`,
    ratio: result.ms / target.ms,
    target: `< ${seconds(target.ms)}, < ${target.mb} MB${target.reportMb ? `, report < ${target.reportMb} MB` : ''}`,
    met: result.ms < target.ms && memoryOk && sizeOk,
    memory: megabytes(result.rssMb),
    note: `report ${reportMb.toFixed(1)} MB, ${result.runs} runs`,
  };
}

export async function* reportRows(dir: string): AsyncIterable<Row> {
  const big = writeConfig(dir, 'hv-max.json', 64, 8000);
  const kb = (statSync(big).size / 1024).toFixed(0);
  yield await checkRow(
    `check 64 x 8,000 (${kb} kB JSON config), text`,
    ['check', '-c', big],
    { ms: 1000, mb: 200 },
    join(dir, 'report.txt'),
  );
  yield await checkRow(
    'check 64 x 8,000, --format json',
    ['check', '-c', big, '-f', 'json'],
    { ms: 1500, mb: 250, reportMb: 20 },
    join(dir, 'report.json'),
  );
  const md = writeConfig(dir, 'md.json', 64, 300);
  yield await checkRow(
    'check -f markdown, 64 x 300, long target lists',
    ['check', '-c', md, '-f', 'markdown'],
    { ms: 1000, mb: 200 },
    join(dir, 'report.md'),
  );
}
