import { Box, Text } from 'ink';
import { activationText, editionText, hyperVText, releaseText } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
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
  const { start, end } = visibleWindow(rows.length, cursor, height);
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {'  '}
        {padTo('node', 20)} {padTo('release', 10)} {padTo('edition', 22)} {padTo('activation', 30)}{' '}
        {padTo('Hyper-V', 10)} {padTo('state', 14)} VMs failing here
      </Text>
      {rows.slice(start, end).map((row, offset) => {
        const index = start + offset;
        const selected = index === cursor;
        const name = padTo(sanitize(row.node.name, 40), 20);
        const facts = row.node.facts;
        const drained = row.node.drained ? ' (drained)' : '';
        return (
          <Text key={`${row.cluster}/${row.node.name}`} inverse={selected}>
            {selected ? '› ' : '  '}
            {name}{' '}
            {facts ? (
              <>
                {padTo(releaseText(facts), 10)} {padTo(editionText(facts), 22)}{' '}
                <Text color={facts.activated === false ? 'red' : undefined}>
                  {padTo(activationText(facts), 30)}
                </Text>{' '}
                <Text color={facts.hyperV === false ? 'red' : undefined}>{padTo(hyperVText(facts), 10)}</Text>{' '}
                {padTo(`${facts.state ?? ''}${drained}`, 14)}{' '}
                <Text color={row.failing > 0 ? 'red' : 'green'}>{row.failing}</Text>
              </>
            ) : (
              <Text color="magenta">
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
