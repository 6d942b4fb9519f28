import { Box, Text } from 'ink';
import { guestText, VM_VERDICT_TEXT } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
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
  const { start, end } = visibleWindow(rows.length, cursor, height);
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {'  '}
        {padTo('VM', 24)} {padTo('verdict', 15)} {padTo('guest', 34)} {padTo('runs on', 12)} activatable on
      </Text>
      {rows.slice(start, end).map((row, offset) => {
        const selected = start + offset === cursor;
        const { vm } = row;
        const where = vm.targets.length > 0 ? `${row.ok} of ${vm.targets.length} possible owners` : '—';
        return (
          <Text key={`${row.cluster.name}/${vm.name}`} inverse={selected}>
            {selected ? '› ' : '  '}
            {padTo(sanitize(vm.name, 60), 24)}{' '}
            <Text color={VERDICT_COLOR[vm.verdict]}>{padTo(VM_VERDICT_TEXT[vm.verdict], 15)}</Text>{' '}
            {padTo(guestText(vm.guest), 34)} {padTo(sanitize(vm.owner ?? '?', 40), 12)} {where}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text dimColor> no VM matches</Text> : null}
    </Box>
  );
}
