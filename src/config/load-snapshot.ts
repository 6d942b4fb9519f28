// A snapshot file saved by an earlier scan -> Snapshot, or a ConfigError naming the file and key.
import type { Snapshot } from '../model/snapshot.js';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, snapshotSchema } from '../model/snapshot.js';
import { ConfigError, keyPath } from './config-error.js';
import { readInputFile } from './load-config.js';
import { readJson } from './parse-input.js';

const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

export function parseSnapshot(text: string, file: string): Snapshot {
  const fail = (key: string | null, message: string) =>
    new ConfigError(file, [{ line: null, column: null, key, message }]);
  const data: unknown = readJson(text, file);
  const header = data as { kind?: unknown; schemaVersion?: unknown } | null;
  if (header?.kind !== SNAPSHOT_KIND)
    throw fail('kind', `not an avma-check snapshot (expected kind "${SNAPSHOT_KIND}")`);
  if (header.schemaVersion !== SNAPSHOT_VERSION) {
    throw fail(
      'schemaVersion',
      `snapshot version ${String(header.schemaVersion)} is not supported (this avma-check reads version ${SNAPSHOT_VERSION})`,
    );
  }
  const result = snapshotSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(
      file,
      result.error.issues
        .slice(0, 20)
        .map((issue) => ({ line: null, column: null, key: keyPath(issue.path), message: issue.message })),
    );
  }
  return result.data as Snapshot;
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  return parseSnapshot(await readInputFile(file, MAX_SNAPSHOT_BYTES), file);
}
