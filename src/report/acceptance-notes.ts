// What accepted findings this run: the ignore file used (and its entries that cover a rule everywhere) and the
// baseline applied, in the same words in every format.
import type { Judgement } from '../analyze/judge.js';
import { plural } from './describe.js';

export interface Note {
  readonly text: string;
  /** file or file:line it is about. */
  readonly source: string | null;
}

export function acceptanceNotes(judgement: Judgement, maxGone = 20): Note[] {
  const notes: Note[] = [];
  const { ignore, baseline } = judgement;
  if (ignore) {
    notes.push({
      text: `ignore file ${ignore.file}: ${plural(ignore.entries, 'entry', 'entries')}, ${plural(ignore.suppressed, 'finding')} suppressed`,
      source: ignore.file,
    });
    for (const s of ignore.wholeRule)
      notes.push({
        text: `the ignore entry at ${s.source ?? ignore.file} names no cluster, node or VM: it suppresses ${s.rule} everywhere`,
        source: s.source ?? ignore.file,
      });
  }
  if (baseline) {
    notes.push({
      text: `baseline ${baseline.file} applied: ${plural(baseline.new, 'new finding')}, ${baseline.accepted} already in it, ${baseline.gone.length} gone since`,
      source: baseline.file,
    });
    for (const g of baseline.gone.slice(0, maxGone))
      notes.push({
        text: `gone since the baseline: ${g.rule} ${[g.cluster, g.node, g.vm].filter(Boolean).join('/')}: ${g.message}`,
        source: baseline.file,
      });
    if (baseline.gone.length > maxGone)
      notes.push({
        text: `… and ${baseline.gone.length - maxGone} more gone since the baseline`,
        source: baseline.file,
      });
  }
  return notes;
}
