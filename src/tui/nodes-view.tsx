import { Box, Text } from 'ink';
import { activationText, editionText, hyperVText, releaseText } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo } from './marks.js';
import type { NodeRow } from './rows.js';
import { visibleWindow } from './window.js';

export function NodesView({
  rows,
  cursor,
  height,
}: {
  readonly rows: readonly NodeRow[];
  readonly cursor: number;
  readonly height: number;
}) {
  const color = useColor();
  const { start, end } = visibleWindow(rows.length, cursor, height - 1);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {'  '}
        {padTo('node', 16)} {padTo('release', 8)} {padTo('edition', 14)} {padTo('activation', 24)}{' '}
        {padTo('Hyper-V', 10)} {padTo('state', 12)} VMs failing
      </Text>
      {rows.slice(start, end).map((row, offset) => {
        const index = start + offset;
        const selected = index === cursor;
        const name = padTo(sanitize(row.node.name, 40), 16);
        const facts = row.node.facts;
        const drained = row.node.drained ? ' (drained)' : '';
        return (
          <Text key={`${row.cluster}/${row.node.name}`} inverse={selected} wrap="truncate-end">
            {selected ? '› ' : '  '}
            {name}{' '}
            {facts ? (
              <>
                {padTo(releaseText(facts), 8)} {padTo(editionText(facts), 14)}{' '}
                <Text color={color(facts.activated === false ? 'red' : undefined)}>
                  {padTo(activationText(facts), 24)}
                </Text>{' '}
                <Text color={color(facts.hyperV === false ? 'red' : undefined)}>
                  {padTo(hyperVText(facts), 10)}
                </Text>{' '}
                {padTo(`${facts.state ?? ''}${drained}`, 12)}{' '}
                <Text color={color(row.failing > 0 ? 'red' : 'green')}>{row.failing}</Text>
              </>
            ) : (
              <Text color={color('magenta')}>
                {row.node.error
                  ? `${row.node.error.kind}: ${sanitize(row.node.error.message, 100)}`
                  : 'no facts'}
              </Text>
            )}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text dimColor> no node matches</Text> : null}
    </Box>
  );
}
