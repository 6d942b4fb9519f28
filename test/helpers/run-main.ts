// Runs the CLI in-process through main(), with a plain environment, a fixed clock and collected output; and
// writes configs to a private temporary directory for it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import { NOW } from './cluster.js';

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collected(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runMain(argv: readonly string[], now = NOW): Promise<MainResult> {
  const stdout = collected();
  const stderr = collected();
  const code = await main(
    argv,
    { stdout: stdout.stream, stderr: stderr.stream },
    {
      environment: { interactive: false, color: false, colorStderr: false, columns: 100, env: {} },
      clock: () => now,
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A directory for the files of one test file, removed after it. */
export function tempFiles(): { write: (name: string, text: string) => Promise<string> } {
  let dir: string | null = null;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    write: async (name, text) => {
      dir ??= await mkdtemp(join(tmpdir(), 'avma-check-test-'));
      const file = join(dir, name);
      await writeFile(file, text);
      return file;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the JSON report is asserted on field by field.
export type Json = any;

/** `check -c FILE -f json`: the exit code and the parsed JSON report. */
export async function checkJson(file: string, ...args: string[]): Promise<{ code: number; report: Json }> {
  const result = await runMain(['check', '-c', file, '-f', 'json', '--no-tui', ...args]);
  if (result.stdout === '') throw new Error(`no report: ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

/** The nodes most declared test configs use: two healthy 2022 Datacenter hosts. */
export const TWO_NODES = `
    nodes:
      - name: HV01
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }
      - name: HV02
        facts: { release: "2022", edition: Datacenter, activated: true, hyperV: true }`;

/** A clusters.yaml with one cluster c: `nodes` (and cluster keys) as YAML under it, `vms` as list items. */
export function declaredConfig(vms: string, nodes = TWO_NODES, extra = ''): string {
  return `${extra}clusters:\n  - name: c${nodes}\n    vms:\n${vms}\n`;
}

export const vmOf = (report: Json, name: string) =>
  report.clusters[0].vms.find((vm: Json) => vm.name === name);
