// The tail check, scan and demo share: the snapshot saved, every report written, the exit code.
import type { Judgement } from '../analyze/judge.js';
import type { Locator } from '../model/locator.js';
import { type Snapshot, serializeSnapshot } from '../model/snapshot.js';
import type { ReportFormat } from '../report/format-names.js';
import type { Timings } from '../report/types.js';
import type { Context, StopSignal } from './context.js';
import { exitCodeOf } from './exit-codes.js';
import { type Destination, writeOutput } from './outputs.js';
import { VERSION } from './version.js';

export interface RunOutputs {
  reports: { format: ReportFormat; destination: Destination }[];
  snapshot: Destination | null;
}

export async function finishRun(
  run: {
    snapshot: Snapshot;
    judgement: Judgement;
    outputs: RunOutputs;
    locate: Locator | null;
    timings: Timings;
    stoppedBy: StopSignal | null;
  },
  context: Context,
): Promise<number> {
  const exitCode = exitCodeOf(run.judgement.gate.verdict, run.stoppedBy);
  if (run.outputs.snapshot)
    await writeOutput(run.outputs.snapshot, [serializeSnapshot(run.snapshot)], context.io.stdout);
  // The formatters are loaded only now: --help and usage errors never pay for them.
  const { reportFormatters } = await import('../report/index.js');
  for (const { format, destination } of run.outputs.reports) {
    const color = destination.file === null ? context.environment.color : false;
    const chunks = reportFormatters[format](run.judgement, {
      color,
      exitCode,
      locate: run.locate,
      timings: run.timings,
      version: VERSION,
    });
    await writeOutput(destination, chunks, context.io.stdout);
  }
  return exitCode;
}
