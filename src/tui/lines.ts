// Text as lines of styled segments, wrapped by the UI itself: it then knows how many lines a text takes, so
// every frame stays within the terminal's height and no line is left for the terminal to wrap.

export interface Segment {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

export type Line = readonly Segment[];

export const plainLine = (text: string, style: Omit<Segment, 'text'> = {}): Line => [{ text, ...style }];

/** [start, end) of each line: breaks at the last space that fits, or mid-word when none does. */
function wrapRanges(chars: readonly string[], width: number, nextWidth: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let size = Math.max(1, width);
  while (chars.length - start > size) {
    let end = start + size;
    for (let i = end; i > start; i--) {
      if (chars[i] === ' ') {
        end = i;
        break;
      }
    }
    let last = end;
    while (last > start && chars[last - 1] === ' ') last--;
    ranges.push([start, last]);
    start = end;
    while (chars[start] === ' ') start++;
    size = Math.max(1, nextWidth);
  }
  if (start < chars.length || ranges.length === 0) ranges.push([start, chars.length]);
  return ranges;
}

/** Breaks `text` into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  const chars = Array.from(text);
  return wrapRanges(chars, width, width).map(([start, end]) => chars.slice(start, end).join(''));
}

/**
 * Wraps a styled line to `width`, keeping each character's style; lines after the first are indented by
 * `indent` spaces (a hanging indent under a label).
 */
export function wrapLine(line: Line, width: number, indent = 0): Line[] {
  const styles: Segment[] = [];
  const chars: string[] = [];
  for (const segment of line) {
    for (const char of Array.from(segment.text)) {
      chars.push(char);
      styles.push(segment);
    }
  }
  const pad = Math.max(0, Math.min(indent, width - 10));
  return wrapRanges(chars, width, width - pad).map(([start, end], index) => {
    const segments: Segment[] = index > 0 && pad > 0 ? [{ text: ' '.repeat(pad) }] : [];
    for (let i = start; i < end; i++) {
      const style: Omit<Segment, 'text'> = styles[i] ?? {};
      const last = segments.at(-1);
      if (last && i > start && sameStyle(last, style))
        segments[segments.length - 1] = { ...last, text: last.text + chars[i] };
      else segments.push({ ...style, text: chars[i] ?? '' });
    }
    return segments;
  });
}

function sameStyle(a: Omit<Segment, 'text'>, b: Omit<Segment, 'text'>): boolean {
  return a.color === b.color && a.bold === b.bold && a.dim === b.dim;
}

export function lineText(line: Line): string {
  return line.map((segment) => segment.text).join('');
}
