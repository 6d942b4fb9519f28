// A JSON report saved earlier, read as a baseline: only its findings are used.
import { z } from 'zod';
import type { BaselineFinding } from '../analyze/baseline.js';
import { ConfigError } from './config-error.js';
import { readInputFile } from './load-config.js';
import { readJson } from './parse-input.js';

const schema = z.object({
  schemaVersion: z.literal(1),
  clusters: z.array(
    z.object({
      name: z.string(),
      findings: z.array(
        z.object({
          rule: z.string(),
          node: z.string().optional(),
          vm: z.string().optional(),
          message: z.string(),
        }),
      ),
    }),
  ),
});

export function parseBaseline(text: string, file: string): BaselineFinding[] {
  const data: unknown = readJson(text, file);
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(file, [
      {
        line: null,
        column: null,
        key: null,
        message: 'not a JSON report of avma-check (write one with --format json --output FILE)',
      },
    ]);
  }
  return result.data.clusters.flatMap((c) =>
    c.findings.map((f) => ({
      cluster: c.name,
      rule: f.rule,
      node: f.node ?? null,
      vm: f.vm ?? null,
      message: f.message,
    })),
  );
}

export async function loadBaseline(file: string): Promise<BaselineFinding[]> {
  return parseBaseline(await readInputFile(file, 512 * 1024 * 1024), file);
}
