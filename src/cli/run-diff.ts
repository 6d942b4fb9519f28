// `avma-check diff OLD NEW`: what changed between two JSON reports or snapshots.

import { z } from 'zod';
import { analyze } from '../analyze/analyze.js';
import { type ComparableCluster, describeDiff, diffReports } from '../analyze/diff.js';
import { ConfigError } from '../config/config-error.js';
import { readInputFile } from '../config/load-config.js';
import { parseSnapshot } from '../config/load-snapshot.js';
import { readJson } from '../config/parse-input.js';
import { SNAPSHOT_KIND } from '../model/snapshot.js';
import { reportJson } from '../report/json.js';
import { escapeJsonControls, sanitize } from '../report/sanitize.js';
import type { Environment } from './environment.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

const reportShape = z.object({
  schemaVersion: z.literal(1),
  clusters: z.array(
    z.object({
      name: z.string(),
      nodes: z.array(
        z.object({
          name: z.string(),
          release: z.string().nullable(),
          edition: z.string().nullable(),
          activated: z.boolean().nullable(),
        }),
      ),
      vms: z.array(z.object({ name: z.string(), verdict: z.string() })),
    }),
  ),
});

async function comparable(file: string, now: Date): Promise<ComparableCluster[]> {
  const text = await readInputFile(file, 512 * 1024 * 1024);
  let data: unknown = readJson(text, file);
  if ((data as { kind?: unknown })?.kind === SNAPSHOT_KIND)
    data = reportJson(analyze(parseSnapshot(text, file).clusters, { now }));
  const result = reportShape.safeParse(data);
  if (!result.success)
    throw new ConfigError(file, [
      { line: null, column: null, key: null, message: 'neither an avma-check JSON report nor a snapshot' },
    ]);
  return result.data.clusters;
}

export async function runDiff(
  args: { old: string; new: string; format: 'text' | 'json' },
  environment: Environment,
  io: Io,
): Promise<ExitCode> {
  const changes = diffReports(
    await comparable(args.old, environment.now),
    await comparable(args.new, environment.now),
  );
  if (args.format === 'json')
    io.stdout.write(`${escapeJsonControls(JSON.stringify({ schemaVersion: 1, changes }, null, 2))}\n`);
  else {
    io.stdout.write(
      changes.length === 0
        ? 'No changes.\n'
        : `${changes.map((c) => `  ${sanitize(describeDiff(c), 300)}`).join('\n')}\n`,
    );
  }
  return changes.some((c) => c.kind === 'vm-newly-at-risk') ? ExitCode.AtRisk : ExitCode.Safe;
}
