// `avma-check merge A.json B.json ...`: snapshots of several runs as one, for check --snapshot to judge a fleet.
import { ConfigError } from '../config/config-error.js';
import { loadSnapshot } from '../config/load-snapshot.js';
import { UserError } from '../config/user-error.js';
import { mergeSnapshots } from '../model/merge-snapshots.js';
import { serializeSnapshot } from '../model/snapshot.js';
import type { Context } from './context.js';
import { ExitCode } from './exit-codes.js';
import { outputFile } from './output-pairs.js';
import { checkOutputs, writeOutput } from './outputs.js';

export async function runMerge(args: { files: string[]; output: string | undefined }, context: Context) {
  // One snapshot is a fleet of one (a matrix where the other jobs gathered nothing): checked, and passed on.
  if (args.files.length < 1)
    throw new UserError('merge needs one snapshot or more', 'avma-check merge a.json b.json -o fleet.json');
  const output = outputFile(args.output);
  const [destination] = await checkOutputs(
    [{ what: 'merged snapshot', file: output }],
    args.files.map((file) => ({ what: 'snapshot', file })),
  );
  const inputs = [];
  for (const file of args.files) inputs.push({ file, snapshot: await loadSnapshot(file) });
  const merged = mergeSnapshots(inputs);
  if (!merged.ok)
    throw new ConfigError(
      args.files.join(', '),
      merged.problems.map((message) => ({ line: null, column: null, key: null, message })),
    );
  if (destination) await writeOutput(destination, [serializeSnapshot(merged.snapshot)], context.io.stdout);
  const clusters = merged.snapshot.clusters.length;
  context.io.stderr.write(
    `Merged ${args.files.length} snapshot${args.files.length === 1 ? '' : 's'}: ${clusters} cluster${clusters === 1 ? '' : 's'}.\n`,
  );
  return ExitCode.Pass;
}
