// A pipeline job summary: the verdict, a table of at-risk VMs with reasons, a table of nodes. Capped below
// GitHub's 1 MiB job-summary limit.
import type { NodeRecord } from '../model/facts.js';
import type { Report } from '../model/report.js';
import {
  activationText,
  editionText,
  guestText,
  hyperVText,
  plural,
  RUN_VERDICT_TEXT,
  releaseText,
} from './describe.js';
import { sanitize } from './sanitize.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter } from './types.js';

export const MARKDOWN_LIMIT_BYTES = 1_000_000;
const ICON = { safe: '✅', 'at-risk': '❌', incomplete: '❔' } as const;

/** Table cell text: no pipes, newlines or markup that could break out of the table. */
export function cell(text: string): string {
  return sanitize(text, 500)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>`*_[\]]/g, (c) => `\\${c}`);
}

function nodeRow(cluster: string, node: NodeRecord): string {
  const facts = node.facts;
  const state = facts
    ? [releaseText(facts), editionText(facts), activationText(facts), hyperVText(facts), facts.state ?? '']
    : [];
  const error = node.error ? `${node.error.kind}: ${node.error.message}` : '';
  return `| ${cell(cluster)} | ${cell(node.name)} | ${state.map(cell).join(' | ') || ' | | | | '} | ${cell(error)} |`;
}

export const formatMarkdown: Formatter = (report: Report, context) => {
  const { counts } = report;
  const lines = [
    `## ${ICON[report.verdict]} avma-check: ${RUN_VERDICT_TEXT[report.verdict]}`,
    '',
    `${plural(counts.atRisk, 'VM')} at risk, ${counts.unknown} unknown, ${counts.safe} safe, ${counts.notApplicable} not using AVMA, in ${plural(report.clusters.length, 'cluster')} (exit code ${context.exitCode}).`,
    '',
  ];
  const atRisk = report.clusters.flatMap((cluster) => {
    const reasons = reasonIndex(cluster);
    return cluster.vms
      .filter((vm) => vm.verdict === 'at-risk')
      .map((vm) => {
        const why = reasons(vm, 'fail').map(
          (r) =>
            `**${cell(r.node)}**: ${r.messages.map(cell).join('; ')} (${r.rules.map((id) => `\`${id}\``).join(', ')})`,
        );
        return `| ${cell(cluster.name)} | ${cell(vm.name)} | ${cell(guestText(vm.guest))} | ${why.join('<br>') || 'no node left to run on'} |`;
      });
  });
  if (atRisk.length > 0)
    lines.push(
      '### VMs at risk',
      '',
      '| cluster | VM | guest | fails on |',
      '|---|---|---|---|',
      ...atRisk,
      '',
    );
  lines.push(
    '### Nodes',
    '',
    '| cluster | node | release | edition | activation | Hyper-V | state | error |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const cluster of report.clusters)
    for (const node of cluster.nodes) lines.push(nodeRow(cluster.name, node));
  let text = `${lines.join('\n')}\n`;
  if (Buffer.byteLength(text) > MARKDOWN_LIMIT_BYTES) {
    const note =
      '\n_… cut here to stay under the 1 MiB job-summary limit: see the JSON report for everything._\n';
    text =
      Buffer.from(text)
        .subarray(0, MARKDOWN_LIMIT_BYTES - Buffer.byteLength(note))
        .toString('utf8')
        .replace(/[^\n]*$/, '') + note;
  }
  return text;
};
