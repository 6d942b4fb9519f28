// While scanning: finished nodes go to <Static> (printed once, kept in scrollback); the live area holds only
// the header and the nodes still running, capped below the terminal's height.

import { Box, Static, Text } from 'ink';
import { useEffect, useState } from 'react';
import { activationText, editionText, hyperVText, plural, releaseText } from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo } from './marks.js';
import { clusterProgress, type LiveRow, type ScanProgress } from './scan-progress.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function FinishedRow({ row }: { readonly row: LiveRow }) {
  const color = useColor();
  const name = padTo(`${sanitize(row.cluster, 24)}/${sanitize(row.name, 32)}`, 24);
  const record = row.record;
  if (!record?.facts) {
    const error = record?.error ? `${record.error.kind}: ${sanitize(record.error.message, 160)}` : 'no facts';
    return (
      <Text wrap="truncate-end">
        <Text color={color('red')}>✗</Text> {name} <Text color={color('red')}>{error}</Text>{' '}
        <Text dimColor>{row.ms} ms</Text>
      </Text>
    );
  }
  const facts = record.facts;
  const state = facts.state ?? '';
  return (
    <Text wrap="truncate-end">
      <Text color={color('green')}>✓</Text> {name} {padTo(`${releaseText(facts)} ${editionText(facts)}`, 22)}{' '}
      <Text color={color(facts.activated === false ? 'red' : undefined)}>
        {padTo(activationText(facts), 30)}
      </Text>{' '}
      <Text color={color(facts.hyperV === false ? 'red' : undefined)}>{padTo(hyperVText(facts), 10)}</Text>{' '}
      {padTo(state, 7)} {padTo(plural(row.vmCount, 'VM'), 7)} <Text dimColor>{row.ms} ms</Text>
    </Text>
  );
}

export function LiveScan({ progress, rows }: { readonly progress: ScanProgress; readonly rows: number }) {
  const color = useColor();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 100);
    return () => clearInterval(timer);
  }, []);
  const finished = progress.rows.filter((row) => row.status === 'done');
  const pending = progress.rows.filter((row) => row.status !== 'done');
  const clusters = clusterProgress(progress);
  const room = Math.max(1, rows - clusters.length - 3);
  const shown = pending.slice(0, room);
  return (
    <>
      <Static items={finished}>
        {(row) => <FinishedRow key={`${row.cluster}/${row.name}`} row={row} />}
      </Static>
      <Box flexDirection="column">
        {clusters.map((c) => (
          <Text key={c.cluster} wrap="truncate-end">
            <Text bold>{sanitize(c.cluster, 40)}</Text> {c.done}/{c.total} nodes read
            {c.failed > 0 ? <Text color={color('red')}>, {c.failed} failed</Text> : null}
          </Text>
        ))}
        {shown.map((row) => (
          <Text key={`${row.cluster}/${row.name}`} wrap="truncate-end">
            <Text color={color('cyan')}>
              {row.status === 'running' ? SPINNER[tick % SPINNER.length] : '·'}
            </Text>{' '}
            {padTo(`${sanitize(row.cluster, 24)}/${sanitize(row.name, 32)}`, 24)}{' '}
            <Text dimColor>
              {row.status === 'running'
                ? `${sanitize(row.host ?? '', 60)}  ${((Date.now() - (row.startedAt ?? Date.now())) / 1000).toFixed(1)} s`
                : 'waiting'}
            </Text>
          </Text>
        ))}
        {pending.length > shown.length ? (
          <Text dimColor wrap="truncate-end">
            … {pending.length - shown.length} more waiting
          </Text>
        ) : null}
      </Box>
    </>
  );
}
