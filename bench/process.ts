// Runs a command as a whole process, as a user waits for it: wall time, exit code and (for node) peak RSS.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/avma-check`;
const MAX_RSS = fileURLToPath(new URL('./max-rss.js', import.meta.url));

export interface Run {
  ms: number;
  /** Peak resident memory in MB, when the process is node and reported it. */
  rssMb: number | null;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

export interface RunOptions {
  timeoutMs?: number;
  /** Measure peak RSS (node only): preloads max-rss.js. */
  rss?: boolean;
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const argv = options.rss ? ['--import', MAX_RSS, ...args] : [...args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let rss = '';
    let timedOut = false;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    (child.stdio[3] as NodeJS.ReadableStream | null)?.setEncoding('utf8').on('data', (chunk: string) => {
      rss += chunk;
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (timer) clearTimeout(timer);
      const kb = Number.parseInt(rss, 10);
      resolve({ ms, rssMb: Number.isFinite(kb) ? kb / 1024 : null, code, timedOut, stderr });
    });
  });
}

/** avma-check as its bin runs it. */
export const avma = (args: readonly string[], options: RunOptions = {}) =>
  run(process.execPath, [BIN, ...args], options);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median of `runs` runs; fewer when one run passes `slowMs` (a row far off its target needs no five
 * runs to say so). Stops at the first run that fails or times out and returns it.
 */
export async function medianRun(
  runs: number,
  once: () => Promise<Run>,
  ok: (r: Run) => boolean = (r) => r.code !== null && r.code !== 2,
  slowMs = 15_000,
): Promise<{ ms: number; rssMb: number | null; runs: number; failed: Run | null }> {
  const done: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    if (r.timedOut || !ok(r)) return { ms: r.ms, rssMb: r.rssMb, runs: done.length + 1, failed: r };
    done.push(r);
    if (r.ms > slowMs) break;
  }
  const rss = done.map((r) => r.rssMb).filter((v): v is number => v !== null);
  return {
    ms: median(done.map((r) => r.ms)),
    rssMb: rss.length > 0 ? Math.max(...rss) : null,
    runs: done.length,
    failed: null,
  };
}
