import { Box, Text } from 'ink';
import { guestText, VM_VERDICT_TEXT } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo, VERDICT_COLOR } from './marks.js';
import type { VmRow } from './rows.js';
import { visibleWindow } from './window.js';

export function VmsView({
  rows,
  cursor,
  height,
}: {
  readonly rows: readonly VmRow[];
  readonly cursor: number;
  readonly height: number;
}) {
  const color = useColor();
  const { start, end } = visibleWindow(rows.length, cursor, height - 1);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {'  '}
        {padTo('VM', 20)} {padTo('verdict', 14)} {padTo('guest', 30)} {padTo('runs on', 10)} activatable on
      </Text>
      {rows.slice(start, end).map((row, offset) => {
        const selected = start + offset === cursor;
        const { vm } = row;
        const where = vm.targets.length > 0 ? `${row.ok} of ${vm.targets.length} nodes` : '—';
        return (
          <Text key={`${row.cluster.name}/${vm.name}`} inverse={selected} wrap="truncate-end">
            {selected ? '› ' : '  '}
            {padTo(sanitize(vm.name, 60), 20)}{' '}
            <Text color={color(VERDICT_COLOR[vm.verdict])}>{padTo(VM_VERDICT_TEXT[vm.verdict], 14)}</Text>{' '}
            {padTo(guestText(vm.guest), 30)} {padTo(sanitize(vm.owner ?? '?', 40), 10)} {where}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text dimColor> no VM matches</Text> : null}
    </Box>
  );
}
