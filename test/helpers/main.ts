// Runs the CLI in-process, as the bin does, with its own streams and environment: behaviour tests need no
// subprocess. A few tests still spawn the bin (the bin itself, npm pack, signals, tmux).
import { PassThrough } from 'node:stream';
import type { Signals, StopSignal } from '../../src/cli/context.js';
import type { Environment } from '../../src/cli/environment.js';
import { main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const FIXED_NOW = new Date('2026-11-22T12:00:00.000Z');

/** Stop signals a test can send. */
export class TestSignals implements Signals {
  private handlers = new Set<(signal: StopSignal) => void>();
  listen(handler: (signal: StopSignal) => void) {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  send(signal: StopSignal): void {
    for (const handler of this.handlers) handler(signal);
  }
  get listening(): boolean {
    return this.handlers.size > 0;
  }
}

export async function run(
  args: string[],
  options: {
    env?: Record<string, string>;
    environment?: Partial<Environment>;
    signals?: Signals;
    now?: Date;
  } = {},
): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const code = await main(
    args,
    { stdout, stderr },
    {
      environment: {
        interactive: false,
        color: false,
        colorStderr: false,
        columns: 100,
        env: options.env ?? {},
        ...options.environment,
      },
      clock: () => options.now ?? FIXED_NOW,
      ...(options.signals && { signals: options.signals }),
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out, stderr: err };
}
