// A pipeline job summary: the gate's verdict, VMs at risk and unknown with reasons, accepted findings, nodes
// (unread ones with their error), warnings and the run's own findings. Linear in its size, and cut at a line
// boundary below GitHub's 1 MiB job-summary limit.
import { findingWeight, type GateOptions, vmWeight } from '../analyze/gate.js';
import type { Judgement } from '../analyze/judge.js';
import type { NodeRecord } from '../model/facts.js';
import type { ClusterResult } from '../model/report.js';
import { acceptanceNotes } from './acceptance-notes.js';
import { clusterGaps } from './cluster-gaps.js';
import {
  acceptanceText,
  activationText,
  editionText,
  guestText,
  hyperVText,
  releaseText,
} from './describe.js';
import { countsText, GATE_WORD, gateReasons } from './gate-text.js';
import { nodeStateText, vmRemarks } from './remarks.js';
import { sanitize } from './sanitize.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter } from './types.js';

export const MARKDOWN_LIMIT_BYTES = 1_000_000;
export const ICON = { pass: '✅', fail: '❌', incomplete: '❔' } as const;
const CUT_NOTE =
  '\n_… cut here to stay under the 1 MiB job-summary limit: the JSON report has everything._\n';

/** Table cell text: no pipes, newlines or markup that could break out of the table. */
export function cell(text: string, max = 500): string {
  return sanitize(text, max)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>`*_[\]]/g, (c) => `\\${c}`);
}

/** Yields lines until the next would pass the limit, then a note; linear in the bytes yielded. */
export function* capped(lines: Iterable<string>, limit = MARKDOWN_LIMIT_BYTES): Iterable<string> {
  let bytes = 0;
  const room = limit - Buffer.byteLength(CUT_NOTE);
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > room) return yield CUT_NOTE;
    bytes += size;
    yield `${line}\n`;
  }
}

function nodeRow(cluster: string, node: NodeRecord): string {
  const facts = node.facts;
  const state = facts
    ? [
        releaseText(facts),
        editionText(facts),
        activationText(facts),
        hyperVText(facts),
        nodeStateText(facts, node.drained),
        facts.avmaRequests30d === null ? '' : String(facts.avmaRequests30d),
      ]
    : ['', '', '', '', '', ''];
  const error = node.error ? `${node.error.kind}: ${node.error.message}` : '';
  return `| ${cell(cluster)} | ${cell(node.name)} | ${state.map((s) => cell(s)).join(' | ')} | ${cell(error)} |`;
}

export function* vmTables(clusters: readonly ClusterResult[], gate: GateOptions): Iterable<string> {
  const sections = [
    { title: 'VMs at risk', weight: 'failure', verdict: 'fail', head: 'fails on' },
    { title: 'VMs that cannot be judged', weight: 'incomplete', verdict: 'unknown', head: 'unknown on' },
    { title: 'VMs the gate lets pass', weight: 'advice', verdict: null, head: 'why' },
    {
      title: 'VMs at risk or unknown by accepted findings only',
      weight: 'accepted',
      verdict: null,
      head: 'why',
    },
  ] as const;
  for (const section of sections) {
    const rows: string[] = [];
    for (const cluster of clusters) {
      const reasons = reasonIndex(cluster);
      for (const vm of cluster.vms) {
        if (vmWeight(vm, gate) !== section.weight) continue;
        const verdict = section.verdict ?? (vm.verdict === 'at-risk' ? 'fail' : 'unknown');
        const why = reasons(vm, verdict).map(
          (r) =>
            `**${cell(r.node)}**: ${r.messages.map((m) => cell(m)).join('; ')} (${r.rules.map((id) => `\`${id}\``).join(', ')})`,
        );
        const remarks = vmRemarks(vm)
          .map((r) => `<br>_${cell(r)}_`)
          .join('');
        rows.push(
          `| ${cell(cluster.name)} | ${cell(vm.name)} | ${cell(guestText(vm.guest))}${remarks} | ${why.join('<br>') || 'no node left to run on'} |`,
        );
      }
    }
    if (rows.length === 0) continue;
    yield `### ${section.title} (${rows.length})`;
    yield '';
    yield `| cluster | VM | guest | ${section.head} |`;
    yield '|---|---|---|---|';
    yield* rows;
    yield '';
  }
}

function* notApplicableTable(clusters: readonly ClusterResult[]): Iterable<string> {
  const rows = clusters.flatMap((c) =>
    c.vms
      .filter((vm) => vm.verdict === 'not-applicable')
      .map(
        (vm) =>
          `| ${cell(c.name)} | ${cell(vm.name)} | ${cell(guestText(vm.guest))} | ${cell(vm.reason ?? 'does not use AVMA', 300)} |`,
      ),
  );
  if (rows.length === 0) return;
  yield* [
    `### VMs not using AVMA (${rows.length})`,
    '',
    '| cluster | VM | guest | why |',
    '|---|---|---|---|',
    ...rows.slice(0, 500),
  ];
  if (rows.length > 500) yield `| … | ${rows.length - 500} more | | |`;
  yield '';
}

/** Cluster-wide findings that leave facts missing (a node that could not list its VMs). */
export function* missingList(clusters: readonly ClusterResult[]): Iterable<string> {
  const items = clusters.flatMap((c) =>
    clusterGaps(c).map((f) => `- ❔ ${cell(c.name)}: ${cell(f.message, 1000)} \`${f.rule}\``),
  );
  if (items.length > 0) yield* ['### Not read', '', ...items, ''];
}

export function* findingList(judgement: Judgement): Iterable<string> {
  const gate = judgement.gate.options;
  const items: string[] = [];
  for (const cluster of judgement.report.clusters) {
    for (const f of cluster.findings) {
      if (f.severity !== 'warning') continue;
      const weight = findingWeight(f, gate);
      const mark = weight === 'failure' ? '❌' : weight === 'accepted' ? '☑️' : '⚠️';
      const accepted = f.accepted ? ` (${cell(acceptanceText(f.accepted), 300)})` : '';
      items.push(`- ${mark} ${cell(cluster.name)}: ${cell(f.message)} \`${f.rule}\`${accepted}`);
    }
  }
  for (const f of judgement.findings) {
    const mark = findingWeight(f, gate) === 'failure' ? '❌' : '⚠️';
    items.push(`- ${mark} ${cell(f.message, 600)} \`${f.rule}\`${f.source ? ` (${cell(f.source)})` : ''}`);
  }
  if (items.length > 0) yield* ['### Warnings', '', ...items, ''];
}

export function* acceptedList(judgement: Judgement): Iterable<string> {
  const notes = acceptanceNotes(judgement, 100);
  const accepted = judgement.report.clusters.flatMap((c) =>
    c.findings.filter((f) => f.accepted && f.severity !== 'warning').map((f) => ({ cluster: c.name, f })),
  );
  if (notes.length === 0 && accepted.length === 0) return;
  yield '### Accepted findings';
  yield '';
  for (const note of notes) yield `- ${cell(note.text, 800)}`;
  for (const { cluster, f } of accepted.slice(0, 500))
    yield `- ${cell(cluster)}: ${cell(f.message)} \`${f.rule}\` (${cell(f.accepted ? acceptanceText(f.accepted) : '', 300)})`;
  yield '';
}

function* markdownLines(judgement: Judgement, exitCode: number): Iterable<string> {
  const { gate, report } = judgement;
  yield `## ${ICON[gate.verdict]} avma-check: ${GATE_WORD[gate.verdict]}`;
  yield '';
  yield `${cell(gateReasons(gate).join(gate.verdict === 'incomplete' ? ' ' : '; '), 1000)}. ${countsText(report.counts, report.clusters.length)} (exit code ${exitCode}).`;
  yield '';
  yield* missingList(report.clusters);
  yield* vmTables(report.clusters, gate.options);
  yield* findingList(judgement);
  yield* acceptedList(judgement);
  yield* notApplicableTable(report.clusters);
  yield '### Nodes';
  yield '';
  yield '| cluster | node | release | edition | activation | Hyper-V | state | AVMA requests (30 d) | error |';
  yield '|---|---|---|---|---|---|---|---|---|';
  for (const cluster of report.clusters) for (const node of cluster.nodes) yield nodeRow(cluster.name, node);
}

export const formatMarkdown: Formatter<Judgement> = (judgement, context) =>
  capped(markdownLines(judgement, context.exitCode));
