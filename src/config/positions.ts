// Where a key path stands in a YAML document, for messages that name file:line:column.
import { type Document, isMap, isScalar, type LineCounter } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

function at(offset: number | undefined, lines: LineCounter): Position | null {
  if (offset === undefined) return null;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** The position of the value at `path`, or of its nearest ancestor that exists. */
export function positionOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): Position | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    const position = at(node?.range?.[0], lines);
    if (position) return position;
  }
  return null;
}

/** The position of the key `key` inside the map at `path`. */
export function positionOfKey(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key: string,
): Position | null {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
    const position = at(keyNode?.range?.[0], lines);
    if (position) return position;
  }
  return positionOf(doc, lines, path);
}
