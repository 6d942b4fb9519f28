// Collector output gathered without SSH (Invoke-Command -FilePath collector.ps1 | Out-File): every document in
// a text, each named by the node line before it, so even a damaged one says whose it was. Pure.
import { BEGIN_MARKER, END_MARKER, NODE_MARKER } from './markers.js';
import { type ParsedOutput, parseCollectorOutput } from './read-output.js';

export interface CollectedDocument {
  /** The node line's computer name, when there is one (untrusted text). */
  node: string | null;
  parsed: ParsedOutput;
  /** The file it came from. */
  file: string;
}

const NODE_LINE = new RegExp(`${NODE_MARKER}[ \\t]+([^\\r\\n]{1,256})\\s*$`);

export function collectedDocuments(text: string, file: string): CollectedDocument[] {
  const documents: CollectedDocument[] = [];
  let from = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN_MARKER, from);
    if (begin < 0) break;
    const next = text.indexOf(BEGIN_MARKER, begin + BEGIN_MARKER.length);
    const end = text.indexOf(END_MARKER, begin);
    // A block cut short ends where the next one begins (at its node line): it is that node's damaged document,
    // and the next one keeps its name.
    const nextNode = next < 0 ? -1 : text.lastIndexOf(NODE_MARKER, next);
    const cutAt = next < 0 ? text.length : nextNode > begin ? nextNode : next;
    const stop = end >= 0 && (next < 0 || end < next) ? end + END_MARKER.length : cutAt;
    const named = NODE_LINE.exec(text.slice(Math.max(from, begin - 400), begin));
    documents.push({
      node: named?.[1]?.trim() || null,
      parsed: parseCollectorOutput(Buffer.from(text.slice(begin, stop), 'utf8')),
      file,
    });
    from = stop;
  }
  return documents;
}
