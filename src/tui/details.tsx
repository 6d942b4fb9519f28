// Every reason for the selected node or VM, per target.

import { Box, Text } from 'ink';
import type { ClusterResult, Report } from '../model/report.js';
import {
  activationText,
  editionText,
  findingIndex,
  guestText,
  hyperVText,
  releaseText,
  VM_VERDICT_TEXT,
} from '../report/describe.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { padTo, VERDICT_COLOR } from './marks.js';
import type { NodeRow, VmRow } from './rows.js';

export function VmDetails({ row, height }: { readonly row: VmRow; readonly height: number }) {
  const color = useColor();
  const { vm, cluster } = row;
  const messageOf = findingIndex(cluster.findings);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>
        {sanitize(vm.name, 80)}{' '}
        <Text color={color(VERDICT_COLOR[vm.verdict])}>{VM_VERDICT_TEXT[vm.verdict]}</Text>
      </Text>
      <Text>
        {guestText(vm.guest)}, runs on {sanitize(vm.owner ?? '?', 40)}, Key-Value Pair Exchange{' '}
        {vm.kvp === null ? 'unknown' : vm.kvp ? 'on' : 'off'}
      </Text>
      {vm.targets.length === 0 ? (
        <Text color={color(VERDICT_COLOR[vm.verdict])}>
          {vm.verdict === 'not-applicable' ? 'does not use AVMA: not judged' : 'no node left to run on'}
        </Text>
      ) : null}
      {vm.targets.slice(0, Math.max(1, height - 8)).map((target) => (
        <Text key={target.node} wrap="wrap">
          <Text color={color(VERDICT_COLOR[target.verdict])}>{padTo(target.verdict, 8)}</Text>{' '}
          {padTo(sanitize(target.node, 40), 12)}{' '}
          {target.rules
            .map((rule) => `${sanitize(messageOf(rule, target.node, vm.name))} [${rule}]`)
            .join('; ')}
        </Text>
      ))}
      {vm.targets.length > Math.max(1, height - 8) ? (
        <Text dimColor>
          … {vm.targets.length - Math.max(1, height - 8)} more nodes (the Matrix view shows them all)
        </Text>
      ) : null}
    </Box>
  );
}

function failingText(count: number): string {
  if (count === 0) return 'No VM fails when it lands here.';
  return count === 1 ? '1 VM fails when it lands here.' : `${count} VMs fail when they land here.`;
}

export function NodeDetails({ row, report }: { readonly row: NodeRow; readonly report: Report }) {
  const color = useColor();
  const { node } = row;
  const cluster: ClusterResult | undefined = report.clusters.find((c) => c.name === row.cluster);
  const findings = cluster?.findings.filter((f) => f.node === node.name && f.vm === null) ?? [];
  const facts = node.facts;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>
        {sanitize(node.name, 80)} <Text dimColor>{sanitize(node.host ?? '', 80)}</Text>
      </Text>
      {facts ? (
        <Text>
          {releaseText(facts)} {editionText(facts)}
          {facts.editionId ? ` (${sanitize(facts.editionId, 40)})` : ''}, {activationText(facts)},{' '}
          {hyperVText(facts)}, {facts.state ?? 'state ?'}
          {node.drained ? ', drained (what-if)' : ''}
        </Text>
      ) : null}
      {node.error ? (
        <Text color={color('magenta')} wrap="wrap">
          {node.error.kind}: {sanitize(node.error.message, 400)}
          {node.error.hint ? `. ${sanitize(node.error.hint, 400)}` : ''}
        </Text>
      ) : null}
      {node.probeErrors.map((error) => (
        <Text key={error.probe} color={color('yellow')} wrap="truncate-end">
          {error.probe} probe failed: {sanitize(error.message)}
        </Text>
      ))}
      {findings.map((finding) => (
        <Text key={finding.rule} wrap="truncate-end">
          <Text
            color={color(
              finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'magenta',
            )}
          >
            {finding.rule}
          </Text>
          : {sanitize(finding.message)}
        </Text>
      ))}
      <Text>{failingText(row.failing)}</Text>
    </Box>
  );
}
