// --config or --snapshot -> the snapshot to judge, and where things are declared when it is a config file.
import { declaredClusters } from '../config/declared-clusters.js';
import { readConfigFile } from '../config/load-config.js';
import { loadSnapshot } from '../config/load-snapshot.js';
import { UserError } from '../config/user-error.js';
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
  const file = args.snapshot ?? args.config;
  if (!file)
    throw new UserError(
      'nothing to check',
      'give --config clusters.yaml (declared facts) or --snapshot scan.json (a saved scan)',
    );
  return file;
}

export async function readInput(args: InputOptionValues, now: Date): Promise<Input> {
  const file = inputFileOf(args);
  if (args.snapshot) return { snapshot: await loadSnapshot(file), locate: null, file };
  const { config, locate } = await readConfigFile(file);
  return { snapshot: makeSnapshot(declaredClusters(config), now, 'config'), locate, file };
}
