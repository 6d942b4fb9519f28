// npm run bench: every row of the performance table, each measured as a whole process where the table says so,
// against its comparison in the same run. `npm run bench -- startup check` runs some groups only.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRow } from './load-row.js';
import { planRows } from './plan-rows.js';
import { reportRows } from './report-rows.js';
import { scanRow } from './scan-row.js';
import { startupRows } from './startup-rows.js';
import { format, header, type Row } from './table.js';
import { tuiRows } from './tui-rows.js';

const GROUPS: Record<string, (dir: string) => AsyncIterable<Row>> = {
  startup: () => startupRows(),
  check: reportRows,
  plan: planRows,
  ui: () => tuiRows(),
  scan: scanRow,
  load: loadRow,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in GROUPS));
if (unknown.length > 0)
  throw new Error(`unknown groups ${unknown.join(', ')}; known: ${Object.keys(GROUPS)}`);

const dir = mkdtempSync(join(tmpdir(), 'avma-bench-'));
const started = performance.now();
console.log(`avma-check bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
console.log(header());
let missed = 0;
try {
  for (const [name, rows] of Object.entries(GROUPS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    for await (const row of rows(dir)) {
      console.log(format(row));
      if (row.met === false) missed++;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${missed === 0 ? 'every target met' : `${missed} targets not met`} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
