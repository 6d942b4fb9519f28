// What changed between two reports or snapshots, as a job summary.
import { type DiffResult, describeDiff, isNewRisk } from '../../analyze/diff.js';
import { capped, cell } from '../markdown.js';
import type { Formatter } from '../types.js';

function* lines(diff: DiffResult, exitCode: number): Iterable<string> {
  const risks = diff.changes.filter(isNewRisk).length;
  yield diff.verdict === 'fail'
    ? `## ❌ avma-check diff: FAIL: ${risks} VM${risks === 1 ? '' : 's'} newly at risk`
    : '## ✅ avma-check diff: PASS: no VM newly at risk';
  yield '';
  yield `From \`${cell(diff.before)}\` to \`${cell(diff.after)}\` (exit code ${exitCode}).`;
  yield '';
  if (diff.changes.length === 0) return yield 'No changes.';
  for (const change of diff.changes)
    yield `- ${isNewRisk(change) ? '❌ ' : ''}${cell(describeDiff(change), 400)}`;
}

export const formatDiffMarkdown: Formatter<DiffResult> = (diff, context) =>
  capped(lines(diff, context.exitCode));
