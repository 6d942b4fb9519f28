// Shows lines in a window of `height` rows, from `scroll` on, with a footer when there is more.
import { Box, Text } from 'ink';
import { useColor } from './color.js';
import type { Line } from './lines.js';

export function LineText({ line }: { readonly line: Line }) {
  const color = useColor();
  return (
    <Text wrap="truncate-end">
      {line.length === 0
        ? ' '
        : line.map((segment, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place.
            <Text key={index} color={color(segment.color)} bold={segment.bold} dimColor={segment.dim}>
              {segment.text}
            </Text>
          ))}
    </Text>
  );
}

/** How many lines fit with the footer, and how far the lines can scroll. */
export function scrollRange(total: number, height: number): { shown: number; maxScroll: number } {
  if (total <= height) return { shown: total, maxScroll: 0 };
  const shown = Math.max(1, height - 1);
  return { shown, maxScroll: total - shown };
}

export function LinesView({
  lines,
  height,
  scroll,
}: {
  readonly lines: readonly Line[];
  readonly height: number;
  readonly scroll: number;
}) {
  const { shown, maxScroll } = scrollRange(lines.length, height);
  const start = Math.min(Math.max(0, scroll), maxScroll);
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + shown).map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a line's identity is its place in the window.
        <LineText key={start + index} line={line} />
      ))}
      {maxScroll > 0 ? (
        <Text dimColor wrap="truncate-end">
          lines {start + 1}-{start + shown} of {lines.length} (↑ ↓ scroll, Esc close)
        </Text>
      ) : null}
    </Box>
  );
}
