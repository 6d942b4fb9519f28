// scan of 64 simulated nodes (served by a second process), concurrency 64, against parallel-ssh -p 64 sending the
// same command line and the whole collector on stdin to the same nodes, in turns: 64 nodes answering after 200 ms,
// and 64 nodes of a cluster of 8,000 VMs (each node's whole collector sends the cluster's groups, 7.5 MB).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../src/config/schema.js';
import { COLLECTOR_STDIN, REMOTE_COMMAND } from '../src/scan/collector-script.js';
import { avma, median, type Run, run } from './process.js';
import { serveNodes } from './serve-nodes.js';
import { megabytes, type Row, seconds } from './table.js';

const NODES = 64;

function onPath(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** parallel-ssh, installed from Debian's pssh package when missing and we may; else why not. */
export function ensurePssh(): { path: string } | { missing: string } {
  const found = onPath('parallel-ssh');
  if (found) return { path: found };
  if (!onPath('apt-get')) return { missing: 'parallel-ssh is not installed and there is no apt-get' };
  const root = process.getuid?.() === 0;
  const sudo = !root && onPath('sudo') ? ['sudo', '-n'] : [];
  if (!root && sudo.length === 0) return { missing: 'parallel-ssh is not installed and we are not root' };
  const apt = (args: string[]) =>
    execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    process.stderr.write('bench: installing parallel-ssh (apt-get install -y pssh openssh-client)\n');
    try {
      apt(['install', '-y', 'pssh', 'openssh-client']);
    } catch {
      apt(['update']);
      apt(['install', '-y', 'pssh', 'openssh-client']);
    }
  } catch (error) {
    return { missing: `apt-get install pssh failed (${(error as Error).message.split('\n')[0]})` };
  }
  const installed = onPath('parallel-ssh');
  return installed ? { path: installed } : { missing: 'pssh installed no parallel-ssh' };
}

function unread(report: string): number {
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { gate: { unreadNodes: number } };
  return parsed.gate.unreadNodes;
}

interface ScanCase {
  what: string;
  /** sim-server.js arguments: nodes, delay in ms, VMs. */
  serve: string[];
  runs: number;
  note: string;
}

const CASES: ScanCase[] = [
  {
    what: `scan ${NODES} nodes answering after 200 ms, concurrency ${NODES}`,
    serve: [`${NODES}`, '200'],
    runs: 5,
    note: 'every node read by both',
  },
  {
    what: `scan ${NODES} nodes x 8,000 VMs, concurrency ${NODES}`,
    serve: [`${NODES}`, '0', '8000'],
    runs: 3,
    note: "the cluster's groups from one node (ours), from each node's whole collector (parallel-ssh)",
  },
];

export async function* scanRow(dir: string): AsyncIterable<Row> {
  const pssh = ensurePssh();
  for (const scanCase of CASES) yield await sideBySide(dir, scanCase, pssh);
}

async function sideBySide(
  dir: string,
  { what, serve, runs, note }: ScanCase,
  pssh: ReturnType<typeof ensurePssh>,
): Promise<Row> {
  // sim-server.js prints the scan config itself.
  const { stop, ...config } = await serveNodes<Config>('./sim-server.js', serve);
  try {
    const configFile = join(dir, 'scan.json');
    writeFileSync(configFile, JSON.stringify(config));
    const ssh = config.defaults?.ssh;
    const nodes = config.clusters[0]?.nodes ?? [];
    const hosts = join(dir, 'hosts');
    writeFileSync(hosts, nodes.map((n) => `${ssh?.username}@${n.host}:${n.ssh?.port}\n`).join(''));
    const report = join(dir, 'scan-report.json');
    const ours = () =>
      avma(
        ['scan', '-c', configFile, '--concurrency', String(NODES), '-f', 'json', '-o', report, '--no-tui'],
        {
          rss: true,
        },
      );
    const theirs = (path: string) => () =>
      run(
        path,
        [
          ...['-p', String(NODES), '-t', '0', '-h', hosts, '-I'],
          '-x',
          `-F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${ssh?.knownHostsPath} -i ${ssh?.privateKeyPath}`,
          REMOTE_COMMAND,
        ],
        { stdin: COLLECTOR_STDIN },
      );
    const a: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i <= runs; i++) {
      const mine = await ours();
      if (mine.code === null || mine.code === 2 || unread(report) > 0)
        throw new Error(`the scan failed (exit ${mine.code}): ${mine.stderr}`);
      if (i > 0) a.push(mine);
      if ('path' in pssh) {
        const other = await theirs(pssh.path)();
        if (other.code !== 0) throw new Error(`parallel-ssh failed (exit ${other.code}): ${other.stderr}`);
        if (i > 0) b.push(other);
      }
    }
    const ms = median(a.map((r) => r.ms));
    const rss = Math.max(...a.map((r) => r.rssMb ?? 0));
    if (!('path' in pssh)) {
      return {
        what,
        ours: seconds(ms),
        comparison: 'parallel-ssh missing',
        ratio: null,
        target: '< 1x parallel-ssh',
        met: null,
        memory: megabytes(rss),
        note: `cannot compare: ${pssh.missing} (install it: apt-get install -y pssh)`,
      };
    }
    const theirsMs = median(b.map((r) => r.ms));
    return {
      what,
      ours: seconds(ms),
      comparison: `parallel-ssh -p ${NODES} ${seconds(theirsMs)}`,
      ratio: ms / theirsMs,
      target: '< 1x parallel-ssh',
      met: ms < theirsMs,
      memory: megabytes(rss),
      note: `median of ${runs} runs each, in turns after a warm-up; ${note}`,
    };
  } finally {
    stop();
  }
}
