// --config or --snapshot -> the snapshot to judge, and where things are declared when it is a config file.
import { declaredClusters } from '../config/declared-clusters.js';
import { loadCollected } from '../config/load-collected.js';
import { readConfigFile } from '../config/load-config.js';
import { loadSnapshot } from '../config/load-snapshot.js';
import { UserError } from '../config/user-error.js';
import { collectedClusters } from '../interpret/assemble-collected.js';
import type { Locator } from '../model/locator.js';
import { makeSnapshot, type Snapshot } from '../model/snapshot.js';
import type { InputOptionValues } from './options.js';

export interface Input {
  snapshot: Snapshot;
  locate: Locator | null;
  /** The file read, beside which .avma-ignore.yaml is looked for. */
  file: string;
}

export function inputFileOf(args: InputOptionValues): string {
  if (args.config && args.snapshot) throw new UserError('give --config or --snapshot, not both');
  const file = args.snapshot ?? args.config ?? args.collected?.[0];
  if (!file)
    throw new UserError(
      'nothing to check',
      'give --config clusters.yaml (declared facts), --snapshot scan.json (a saved scan) or --collected FILE (collector output)',
    );
  return file;
}

/** Every file the input options name, for the output check (an output is never one of them). */
export function inputFilesOf(args: InputOptionValues): { what: string; file: string }[] {
  return [
    ...(args.config ? [{ what: 'config', file: args.config }] : []),
    ...(args.snapshot ? [{ what: 'snapshot', file: args.snapshot }] : []),
    ...(args.collected ?? []).map((file) => ({ what: 'collected output', file })),
  ];
}

export async function readInput(args: InputOptionValues, now: Date): Promise<Input> {
  const file = inputFileOf(args);
  if (args.snapshot) return { snapshot: await loadSnapshot(file), locate: null, file };
  const configFile = args.config ? await readConfigFile(args.config) : null;
  if (args.collected && args.collected.length > 0) {
    const documents = (await Promise.all(args.collected.map(loadCollected))).flat();
    const clusters = collectedClusters(documents, configFile?.config ?? null, now, args.collected);
    return { snapshot: makeSnapshot(clusters, now, 'scan'), locate: configFile?.locate ?? null, file };
  }
  const { config, locate } = configFile as NonNullable<typeof configFile>;
  return { snapshot: makeSnapshot(declaredClusters(config), now, 'config'), locate, file };
}
