// What changed between two reports or snapshots, for pipelines.
import type { DiffResult } from '../../analyze/diff.js';
import { REPORT_SCHEMA_VERSION } from '../../model/report.js';
import { escapeJsonControls } from '../sanitize.js';
import type { Formatter } from '../types.js';

export const formatDiffJson: Formatter<DiffResult> = function* (diff, context) {
  const json = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'avma-check-diff',
    verdict: diff.verdict,
    exitCode: context.exitCode,
    before: diff.before,
    after: diff.after,
    changes: diff.changes,
  };
  yield `${escapeJsonControls(JSON.stringify(json, null, 2))}\n`;
};
