// Every reason for one node or VM, as lines the details overlay scrolls: every column a narrow terminal hides
// is here too.

import { probeFailureText } from '../domain/probe-rights.js';
import type { ClusterResult, Finding } from '../model/report.js';
import {
  acceptanceText,
  activationText,
  editionText,
  findingIndex,
  guestText,
  hyperVText,
  releaseText,
  VM_VERDICT_TEXT,
} from '../report/describe.js';
import { avmaRequestsText, nodeStateText, vmRemarks } from '../report/remarks.js';
import { sanitize } from '../report/sanitize.js';
import { failingOn } from './blame.js';
import { type Line, plainLine, wrapLine } from './lines.js';
import { padTo, SEVERITY_COLOR, VERDICT_COLOR } from './marks.js';
import type { NodeRow, VmRow } from './rows.js';
import { CHANGE_COLOR, CHANGE_TEXT } from './what-if-diff.js';

const NODE_WIDTH = 14;

function findingLines(findings: readonly Finding[], width: number): Line[] {
  return findings.flatMap((finding) => [
    ...wrapLine(
      [
        { text: `${finding.rule}`, color: SEVERITY_COLOR[finding.severity] },
        { text: `: ${sanitize(finding.message)}` },
      ],
      width,
      2,
    ),
    ...(finding.accepted
      ? wrapLine(plainLine(`  accepted: ${acceptanceText(finding.accepted)}`, { dim: true }), width, 4)
      : []),
  ]);
}

export function vmDetailLines(row: VmRow, width: number): Line[] {
  const { vm, cluster } = row;
  const messageOf = findingIndex(cluster.findings);
  const where = vm.targets.length > 0 ? `activatable on ${row.ok} of ${vm.targets.length} nodes` : null;
  const facts = [
    `cluster ${sanitize(cluster.name, 60)}`,
    guestText(vm.guest),
    `runs on ${sanitize(vm.owner ?? '?', 60)}`,
    `Key-Value Pair Exchange ${vm.kvp === null ? 'unknown' : vm.kvp ? 'on' : 'off'}`,
    where,
  ].filter((part) => part !== null);
  const lines: Line[] = [
    [
      { text: sanitize(vm.name, 120), bold: true },
      { text: '  ' },
      { text: VM_VERDICT_TEXT[vm.verdict], color: VERDICT_COLOR[vm.verdict], bold: true },
      ...(row.change
        ? [{ text: ` (what-if: ${CHANGE_TEXT[row.change]})`, color: CHANGE_COLOR[row.change] }]
        : []),
    ],
    ...wrapLine(plainLine(facts.join(' · ')), width, 2),
  ];
  for (const remark of vmRemarks(vm))
    lines.push(...wrapLine(plainLine(remark, { color: 'yellow' }), width, 2));
  if (vm.targets.length === 0) {
    const why =
      vm.verdict === 'not-applicable'
        ? `does not use AVMA, not judged: ${sanitize(vm.reason ?? '', 300)}`
        : 'no node left to run on';
    lines.push(...wrapLine(plainLine(why, { color: VERDICT_COLOR[vm.verdict] }), width, 2));
  }
  for (const target of vm.targets) {
    const reasons = target.rules
      .map((rule) => `${sanitize(messageOf(rule, target.node, vm.name))} [${rule}]`)
      .join('; ');
    const label = `${padTo(target.verdict, 8)} ${padTo(sanitize(target.node, 40), NODE_WIDTH)} `;
    lines.push(
      ...wrapLine(
        [
          { text: label.slice(0, 8), color: VERDICT_COLOR[target.verdict] },
          { text: label.slice(8) },
          { text: reasons },
        ],
        width,
        label.length,
      ),
    );
  }
  const own = cluster.findings.filter((f) => f.vm === vm.name && f.node === null);
  if (own.length > 0)
    lines.push([], plainLine('Findings about the VM', { bold: true }), ...findingLines(own, width));
  return lines;
}

const vmsFail = (count: number) => (count === 1 ? '1 VM fails' : `${count} VMs fail`);

function failingLines(cluster: ClusterResult | undefined, node: string, width: number): Line[] {
  if (!cluster) return [];
  const { because, own } = failingOn(cluster, node);
  const names = (list: readonly string[]) => list.map((name) => sanitize(name, 60)).join(', ');
  const lines: Line[] = [];
  if (because.length === 0) lines.push(plainLine(`No VM fails because of ${sanitize(node, 60)}.`));
  else
    lines.push(
      ...wrapLine(
        plainLine(`${vmsFail(because.length)} because of ${sanitize(node, 60)}: ${names(because)}`, {
          color: 'red',
        }),
        width,
        2,
      ),
    );
  if (own.length > 0) {
    const list = own.map(({ vm, rules }) => `${sanitize(vm, 60)} (${rules.join(', ')})`).join(', ');
    lines.push(
      ...wrapLine(plainLine(`${vmsFail(own.length)} here for their own reasons: ${list}`), width, 2),
    );
  }
  return lines;
}

export function nodeDetailLines(row: NodeRow, cluster: ClusterResult | undefined, width: number): Line[] {
  const { node } = row;
  const facts = node.facts;
  const lines: Line[] = [
    [
      { text: sanitize(node.name, 120), bold: true },
      { text: `  ${sanitize(node.host ?? '', 120)}`, dim: true },
    ],
  ];
  if (facts) {
    const edition = `${editionText(facts)}${facts.editionId ? ` (${sanitize(facts.editionId, 40)})` : ''}`;
    const parts = [
      `cluster ${sanitize(row.cluster, 60)}`,
      `${releaseText(facts)} ${edition}`,
      activationText(facts),
      hyperVText(facts),
      nodeStateText(facts, node.drained) || 'state ?',
      avmaRequestsText(facts) ?? 'AVMA requests unknown',
    ];
    lines.push(...wrapLine(plainLine(parts.join(' · ')), width, 2));
  }
  if (node.error) {
    const text = `${node.error.kind}: ${sanitize(node.error.message, 600)}${node.error.hint ? `. ${sanitize(node.error.hint, 2000)}` : ''}`;
    lines.push(...wrapLine(plainLine(text, { color: 'magenta' }), width, 2));
  }
  for (const error of node.probeErrors) {
    lines.push(
      ...wrapLine(
        plainLine(probeFailureText({ probe: error.probe, message: sanitize(error.message) }), {
          color: 'yellow',
        }),
        width,
        2,
      ),
    );
  }
  lines.push(...findingLines(row.problems, width), ...failingLines(cluster, node.name, width));
  return lines;
}
