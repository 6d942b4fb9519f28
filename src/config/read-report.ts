// The one reader of avma-check's JSON reports, for --baseline and diff. It reads the current schema version
// and the one before it (their findings, nodes and VM verdicts have the same shape), and refuses anything else
// with a message that says what the file is.
import { z } from 'zod';
import { type BaselineFinding, vmTargetKey } from '../analyze/accept.js';
import { REPORT_SCHEMA_VERSION } from '../model/report.js';
import { ConfigError } from './config-error.js';
import { readInputFile } from './load-config.js';
import { readJson } from './parse-input.js';

const READABLE_VERSIONS = [REPORT_SCHEMA_VERSION - 1, REPORT_SCHEMA_VERSION] as const;
const MAX_REPORT_BYTES = 1024 * 1024 * 1024;

const targetGroup = z.object({
  nodes: z.array(z.string()).optional(),
  node: z.string().optional(),
  rules: z.array(z.string()),
});

const shape = z.object({
  schemaVersion: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
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
      vms: z.array(
        z.object({
          name: z.string(),
          verdict: z.string(),
          // Version 3 groups the nodes of a target that failed for the same rules; version 2 had one node each.
          targets: z
            .object({ fail: z.array(targetGroup), unknown: z.array(targetGroup) })
            .partial()
            .optional(),
        }),
      ),
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

export interface ReadReport {
  readonly schemaVersion: number;
  readonly clusters: z.output<typeof shape>['clusters'];
  readonly findings: BaselineFinding[];
  /** Each (cluster, VM, node, rule) of a target that failed or was unknown, as vmTargetKey spells it. */
  readonly vmTargets: ReadonlySet<string>;
}

function fail(file: string, message: string): never {
  throw new ConfigError(file, [{ line: null, column: null, key: null, message }]);
}

/** Data that is already known to be JSON (diff reads snapshots too) -> a report, or a ConfigError. */
export function reportFromData(data: unknown, file: string): ReadReport {
  const header = data as { kind?: unknown; schemaVersion?: unknown } | null;
  if (header?.kind === 'avma-check-plan')
    fail(file, 'a plan report, not a run report: give the JSON report of check or scan (--format json)');
  const version = header?.schemaVersion;
  if (typeof version === 'number' && !(READABLE_VERSIONS as readonly number[]).includes(version))
    fail(
      file,
      `report schema version ${version}: this avma-check reads versions ${READABLE_VERSIONS.join(' and ')}`,
    );
  const result = shape.safeParse(data);
  if (!result.success)
    fail(file, 'not a JSON report of avma-check (write one with --format json --output FILE)');
  const clusters = result.data.clusters;
  const vmTargets = new Set<string>();
  for (const c of clusters)
    for (const vm of c.vms)
      for (const group of [...(vm.targets?.fail ?? []), ...(vm.targets?.unknown ?? [])])
        for (const node of group.nodes ?? (group.node ? [group.node] : []))
          for (const rule of group.rules) vmTargets.add(vmTargetKey(c.name, vm.name, node, rule));
  return {
    vmTargets,
    schemaVersion: result.data.schemaVersion,
    clusters,
    findings: clusters.flatMap((c) =>
      c.findings.map((f) => ({
        cluster: c.name,
        rule: f.rule,
        node: f.node ?? null,
        vm: f.vm ?? null,
        message: f.message,
      })),
    ),
  };
}

export async function loadReport(file: string): Promise<ReadReport> {
  return reportFromData(readJson(await readInputFile(file, MAX_REPORT_BYTES), file), file);
}
