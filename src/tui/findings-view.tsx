// The Findings view: every finding, by rule, scrolling; the selected rule's explanation and remedy wrapped below
// in full. Enter shows the finding's VM or node.
import { Box, Text } from 'ink';
import { acceptanceText } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { type FindingList, type FindingListRow, findingAt, subjectText } from './finding-list.js';
import { type Line, plainLine, wrapLine } from './lines.js';
import { LineText } from './lines-view.js';
import { padTo, SEVERITY_COLOR } from './marks.js';
import type { FindingGroup } from './rows.js';
import { visibleWindow } from './window.js';

const SUBJECT_WIDTH = 24;

/** The selected rule's explanation and remedy, wrapped; at most `room` lines. */
export function explanationLines(list: FindingList, cursor: number, width: number, room: number): Line[] {
  const selected = findingAt(list, cursor);
  if (!selected) return [];
  const { group, finding } = selected;
  // A finding about a whole cluster or about the run has no details to open.
  const what = finding.vm
    ? `VM ${sanitize(finding.vm, 60)}`
    : finding.node
      ? `node ${sanitize(finding.node, 60)}`
      : null;
  const lines: Line[] = [
    ...wrapLine(plainLine(group.explanation), width),
    ...wrapLine([{ text: 'Remedy: ', bold: true }, { text: group.remedy }], width),
    ...(finding.accepted
      ? wrapLine(plainLine(`Accepted: ${acceptanceText(finding.accepted)}`, { dim: true }), width)
      : []),
    ...(what ? [plainLine(`Enter: details of the ${what}`, { dim: true })] : []),
  ];
  if (lines.length <= room) return lines;
  return [
    ...lines.slice(0, Math.max(0, room - 1)),
    plainLine('… (a taller terminal shows the rest)', { dim: true }),
  ];
}

function GroupHeading({ group, continued }: { readonly group: FindingGroup; readonly continued: boolean }) {
  const color = useColor();
  return (
    <Text wrap="truncate-end" bold>
      <Text color={color(SEVERITY_COLOR[group.severity])}>{padTo(group.severity, 8)}</Text> {group.rule}{' '}
      <Text dimColor>
        ({group.findings.length}){continued ? ' continued' : ''}
      </Text>{' '}
      {group.title}
    </Text>
  );
}

export function FindingsView({
  list,
  cursor,
  height,
  width,
  severalClusters,
}: {
  readonly list: FindingList;
  readonly cursor: number;
  readonly height: number;
  readonly width: number;
  readonly severalClusters: boolean;
}) {
  const color = useColor();
  if (list.count === 0) return <Text color={color('green')}> no findings</Text>;
  // The list keeps at least 4 rows; the explanation gets the rest, and a blank line before it.
  const panel = explanationLines(list, cursor, width, Math.max(0, height - 5));
  const listHeight = height - (panel.length > 0 ? panel.length + 1 : 0);
  const at = list.rowOf(cursor);
  let { start, end } = visibleWindow(list.length, at, listHeight);
  // Keep a rule's heading in view above its first finding.
  if (start === at && start > 0 && list.row(start - 1)?.kind === 'group') {
    start -= 1;
    end -= 1;
  }
  // A window that starts inside a rule keeps the rule's heading on top.
  const top = list.row(start);
  const sticky = top?.kind === 'finding' ? top.group : null;
  if (sticky && at > start) start += 1;
  else if (sticky) end -= 1;
  return (
    <Box flexDirection="column">
      {sticky ? <GroupHeading group={sticky} continued /> : null}
      {rowsBetween(list, start, end).map((row, offset) => {
        const index = start + offset;
        const { group } = row;
        if (row.kind === 'group')
          return <GroupHeading key={`g:${group.rule}`} group={group} continued={false} />;
        const selected = index === at;
        const { finding } = row;
        return (
          <Text key={`f:${index}`} inverse={selected} wrap="truncate-end">
            {selected ? '› ' : '  '}
            {padTo(subjectText(finding, severalClusters), SUBJECT_WIDTH)}{' '}
            {finding.accepted ? <Text dimColor>accepted </Text> : null}
            {sanitize(finding.message)}
          </Text>
        );
      })}
      {panel.length > 0 ? <Text> </Text> : null}
      {panel.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a line's identity is its place.
        <LineText key={index} line={line} />
      ))}
    </Box>
  );
}

function rowsBetween(list: FindingList, start: number, end: number): FindingListRow[] {
  const rows: FindingListRow[] = [];
  for (let index = start; index < end; index++) {
    const row = list.row(index);
    if (row) rows.push(row);
  }
  return rows;
}
