// Runs the collector on a connected node: one exec, the collector on stdin, output read as bytes up to a
// bound (decoded once, so multibyte characters split across packets survive), under a deadline.
import type { Client } from 'ssh2';
import { stderrSummary } from '../interpret/read-output.js';
import { NodeFailure } from './classify-error.js';
import { COLLECTOR_STDIN, COLLECTOR_STDIN_WITHOUT_GROUPS, REMOTE_COMMAND } from './collector-script.js';

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;

export interface CollectorRun {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number | null;
}

export interface RunOptions {
  commandTimeoutMs: number;
  maxOutputBytes: number;
  signal: AbortSignal;
  /** Read the cluster's VM groups on this node (false: another node of its cluster reads them). */
  clusterGroups: boolean;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function tooMuch(maxBytes: number, what: string): NodeFailure {
  return new NodeFailure(
    'bad-output',
    `the node sent more than ${size(maxBytes)} of ${what}; the rest was not read`,
    'Something on the node prints far more than the collector does: check its PowerShell profile and the SSH banner.',
  );
}

export function runCollector(client: Client, options: RunOptions): Promise<CollectorRun> {
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let exitCode: number | null = null;
    let settled = false;
    let stop: (() => void) | null = null;

    const finish = (error: NodeFailure | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      stop?.();
      if (error) reject(error);
      else resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), exitCode });
    };
    const seconds = Math.round(options.commandTimeoutMs / 1000);
    const timer = setTimeout(
      () =>
        finish(
          new NodeFailure(
            'timeout',
            `the collector did not finish within ${seconds} s`,
            'Raise ssh.commandTimeoutSeconds or --command-timeout for large hosts.',
            false,
          ),
        ),
      options.commandTimeoutMs,
    );
    const onAbort = () =>
      finish(new NodeFailure('timeout', 'the scan was interrupted before this node answered', null, false));
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) return onAbort();

    client.exec(REMOTE_COMMAND, (error, channel) => {
      if (error)
        return finish(
          new NodeFailure('command-failed', `the node refused to run the collector: ${error.message}`),
        );
      if (settled) return channel.close();
      stop = () => channel.close();
      channel.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > options.maxOutputBytes) return finish(tooMuch(options.maxOutputBytes, 'output'));
        stdout.push(chunk);
      });
      // Only the start of stderr is kept for messages, but all of it counts: a node that floods it is cut too.
      channel.stderr.on('data', (chunk: Buffer) => {
        if (stderrBytes < MAX_STDERR_BYTES) stderr.push(chunk);
        stderrBytes += chunk.length;
        if (stderrBytes > options.maxOutputBytes)
          return finish(tooMuch(options.maxOutputBytes, 'error output (stderr)'));
      });
      channel.on('exit', (code: number | null) => {
        exitCode = typeof code === 'number' ? code : null;
      });
      channel.on('close', () => {
        if (exitCode === null) {
          const said = stderrSummary(Buffer.concat(stderr));
          const failure = new NodeFailure(
            'command-failed',
            `the connection closed before the collector finished${said ? ` (${said})` : ''}`,
            'The node or its network dropped the session: run the scan again.',
            true,
          );
          failure.raw = { stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) };
          return finish(failure);
        }
        finish(null);
      });
      channel.end(options.clusterGroups ? COLLECTOR_STDIN : COLLECTOR_STDIN_WITHOUT_GROUPS);
    });
  });
}
