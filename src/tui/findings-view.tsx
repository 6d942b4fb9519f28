import { Box, Text } from 'ink';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo } from './marks.js';
import type { FindingGroup } from './rows.js';
import { visibleWindow } from './window.js';

const SEVERITY_COLOR = { error: 'red', unknown: 'magenta', warning: 'yellow' } as const;

export function FindingsView({
  groups,
  cursor,
  height,
}: {
  readonly groups: readonly FindingGroup[];
  readonly cursor: number;
  readonly height: number;
}) {
  const color = useColor();
  const { start, end } = visibleWindow(groups.length, cursor, Math.max(1, height - 6));
  const selected = groups[cursor];
  return (
    <Box flexDirection="column">
      {groups.slice(start, end).map((group, offset) => {
        const isSelected = start + offset === cursor;
        return (
          <Text key={group.rule} inverse={isSelected} wrap="truncate-end">
            {isSelected ? '› ' : '  '}
            <Text color={color(SEVERITY_COLOR[group.severity])}>{padTo(group.severity, 8)}</Text>{' '}
            {padTo(group.rule, 28)} {padTo(String(group.findings.length), 5)} {group.title}
          </Text>
        );
      })}
      {groups.length === 0 ? <Text color={color('green')}> no findings</Text> : null}
      {selected ? (
        <Box flexDirection="column" marginTop={1}>
          <Text wrap="truncate-end">{selected.explanation}</Text>
          <Text wrap="truncate-end">Remedy: {selected.remedy}</Text>
          {selected.findings.slice(0, 3).map((finding) => (
            <Text key={`${finding.node}/${finding.vm}`} dimColor wrap="truncate-end">
              · {sanitize(finding.message)}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
