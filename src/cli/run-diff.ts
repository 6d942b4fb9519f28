// `avma-check diff OLD NEW`: what changed between two JSON reports or snapshots (a snapshot is judged first).
import { diffReports, diffResult } from '../analyze/diff.js';
import { DEFAULT_GATE } from '../analyze/gate.js';
import { judge } from '../analyze/judge.js';
import { readInputFile } from '../config/load-config.js';
import { parseSnapshot } from '../config/load-snapshot.js';
import { readJson } from '../config/parse-input.js';
import { reportFromData } from '../config/read-report.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/policy.js';
import { SNAPSHOT_KIND } from '../model/snapshot.js';
import type { DiffFormat } from '../report/format-names.js';
import type { Context } from './context.js';
import { ExitCode } from './exit-codes.js';
import { type OutputSpec, writeOutput } from './outputs.js';
import { prepareOutputs } from './prepare-outputs.js';

const MAX_BYTES = 1024 * 1024 * 1024;

async function comparable(file: string, now: Date) {
  const text = await readInputFile(file, MAX_BYTES);
  const data = readJson(text, file) as { kind?: unknown };
  if (data?.kind !== SNAPSHOT_KIND) return reportFromData(data, file).clusters;
  const { report } = judge(parseSnapshot(text, file).clusters, {
    now,
    expiryWarningDays: DEFAULT_EXPIRY_WARNING_DAYS,
    ignore: null,
    baseline: null,
    gate: DEFAULT_GATE,
  });
  return report.clusters.map((c) => ({
    name: c.name,
    nodes: c.nodes.map((n) => ({
      name: n.name,
      release: n.facts?.release ?? null,
      edition: n.facts?.edition ?? null,
      activated: n.facts?.activated ?? null,
    })),
    vms: c.vms.map((vm) => ({ name: vm.name, verdict: vm.verdict })),
  }));
}

export async function runDiff(
  args: { old: string; new: string; outputs: OutputSpec[]; now?: Date | undefined },
  context: Context,
): Promise<number> {
  const outputs = await prepareOutputs<DiffFormat>(args.outputs, undefined, [
    { what: 'earlier report', file: args.old },
    { what: 'later report', file: args.new },
  ]);
  const now = args.now ?? context.clock();
  const diff = diffResult(
    args.old,
    args.new,
    diffReports(await comparable(args.old, now), await comparable(args.new, now)),
  );
  const exitCode = diff.verdict === 'fail' ? ExitCode.Fail : ExitCode.Pass;
  const { diffFormatters } = await import('../report/diff/index.js');
  for (const { format, destination } of outputs.reports) {
    const color = destination.file === null ? context.environment.color : false;
    await writeOutput(destination, diffFormatters[format](diff, { color, exitCode }), context.io.stdout);
  }
  return exitCode;
}
