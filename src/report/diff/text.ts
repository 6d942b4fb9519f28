// What changed between two reports or snapshots, for people.
import { type DiffResult, describeDiff, isNewRisk } from '../../analyze/diff.js';
import { sanitize } from '../sanitize.js';
import { makeStyle } from '../style.js';
import type { Formatter } from '../types.js';

export const formatDiffText: Formatter<DiffResult> = function* (diff, context) {
  const style = makeStyle(context.color);
  yield `Changes from ${sanitize(diff.before)} to ${sanitize(diff.after)}:\n`;
  if (diff.changes.length === 0) yield '  none\n';
  for (const change of diff.changes) {
    const line = sanitize(describeDiff(change), 300);
    yield `  ${isNewRisk(change) ? style.bad(`✗ ${line}`) : line}\n`;
  }
  const risks = diff.changes.filter(isNewRisk).length;
  const verdict =
    diff.verdict === 'fail'
      ? `${style.bad('FAIL')}: ${risks} VM${risks === 1 ? '' : 's'} newly at risk`
      : `${style.good('PASS')}: no VM newly at risk`;
  yield `Verdict: ${verdict} (exit code ${context.exitCode})\n`;
};
