// The default human report: per cluster its nodes, the VMs at risk or unknown with reasons, warnings and
// accepted findings; then the run's own findings, the ignore file and baseline used, and the gate's verdict.
import type { GateVerdict } from '../analyze/gate.js';
import type { Judgement } from '../analyze/judge.js';
import type { NodeRecord } from '../model/facts.js';
import type { ClusterResult, VmResult } from '../model/report.js';
import { acceptanceNotes } from './acceptance-notes.js';
import { clusterGaps } from './cluster-gaps.js';
import {
  acceptanceText,
  activationText,
  editionText,
  guestText,
  hyperVText,
  plural,
  RUN_VERDICT_TEXT,
  releaseText,
} from './describe.js';
import { countsText, gateHeadline } from './gate-text.js';
import { avmaRequestsText, nodeStateText, vmRemarks } from './remarks.js';
import { sanitize } from './sanitize.js';
import { makeStyle, type Style } from './style.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter } from './types.js';

/** Beyond this many VMs per section the text report points to the JSON report. */
const MAX_LISTED_VMS = 100;

function pad(text: string, width: number): string {
  const length = Array.from(text).length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

function nodeLines(nodes: readonly NodeRecord[], style: Style): string[] {
  const width = Math.min(32, Math.max(4, ...nodes.map((node) => sanitize(node.name, 32).length)));
  return nodes.map((node) => {
    const name = pad(sanitize(node.name, 32), width);
    if (!node.facts) {
      const error = node.error ? `${node.error.kind}: ${sanitize(node.error.message, 600)}` : 'no facts';
      // The hint whole, on its own line: it is what the admin does next.
      const hint = node.error?.hint
        ? `\n${' '.repeat(width + 8)}${style.dim(`hint: ${sanitize(node.error.hint, 2000)}`)}`
        : '';
      return `    ${style.unknown('?')} ${name}  ${style.unknown(error)}${hint}`;
    }
    const facts = node.facts;
    const activation = activationText(facts);
    const cells = [
      pad(releaseText(facts), 10),
      pad(editionText(facts), 22),
      facts.activated === false ? style.bad(pad(activation, 30)) : pad(activation, 30),
      facts.hyperV === false ? style.bad(pad(hyperVText(facts), 10)) : pad(hyperVText(facts), 10),
      pad(nodeStateText(facts, node.drained), 16),
      avmaRequestsText(facts) ?? '',
    ];
    return `    ${style.dim('·')} ${name}  ${cells.join(' ').trimEnd()}`;
  });
}

function vmHeader(vm: VmResult, mark: string): string {
  const owner = vm.owner ? `, runs on ${sanitize(vm.owner, 32)}` : '';
  const remarks = vmRemarks(vm)
    .map((r) => `; ${r}`)
    .join('');
  return `    ${mark} ${sanitize(vm.name, 64)} (${guestText(vm.guest)}${owner}${remarks})`;
}

/** VMs that do not use AVMA, each with why: they are never judged, so the reader can check the reason. */
function notApplicableLines(cluster: ClusterResult, style: Style): string[] {
  const vms = cluster.vms.filter((vm) => vm.verdict === 'not-applicable');
  if (vms.length === 0) return [];
  const shown = vms
    .slice(0, MAX_LISTED_VMS)
    .map(
      (vm) =>
        `    ${style.dim('-')} ${sanitize(vm.name, 64)} (${guestText(vm.guest)}): ${sanitize(vm.reason ?? 'does not use AVMA', 300)}`,
    );
  const more =
    vms.length > MAX_LISTED_VMS ? [`    … and ${vms.length - MAX_LISTED_VMS} more (see --format json)`] : [];
  return [`  ${style.dim('Not using AVMA')} (${vms.length})`, ...shown, ...more];
}

function vmSection(cluster: ClusterResult, verdict: 'at-risk' | 'unknown', style: Style): string[] {
  const vms = cluster.vms.filter((vm) => vm.verdict === verdict);
  if (vms.length === 0) return [];
  const reasons = reasonIndex(cluster);
  const mark = verdict === 'at-risk' ? style.bad('✗') : style.unknown('?');
  const wanted = verdict === 'at-risk' ? 'fail' : 'unknown';
  const lines = [
    `  ${verdict === 'at-risk' ? style.bad('At risk') : style.unknown('Unknown')} (${vms.length})`,
  ];
  for (const vm of vms.slice(0, MAX_LISTED_VMS)) {
    const bad = reasons(vm, wanted);
    const accepted = vm.gate !== vm.verdict ? style.dim(` (accepted: the gate counts it as ${vm.gate})`) : '';
    lines.push(
      `${vmHeader(vm, mark)}: ${verdict === 'at-risk' ? 'fails' : 'cannot be judged'} on ${bad.length} of ${vm.targets.length} possible owners${accepted}`,
    );
    for (const target of bad) {
      const why = target.rules.map((rule, i) => `${sanitize(target.messages[i] ?? rule)} [${rule}]`);
      lines.push(`        ${pad(sanitize(target.node, 32), 10)} ${why.join('; ')}`);
    }
  }
  if (vms.length > MAX_LISTED_VMS)
    lines.push(`    … and ${vms.length - MAX_LISTED_VMS} more (see --format json)`);
  return lines;
}

function acceptedLines(cluster: ClusterResult, style: Style): string[] {
  const accepted = cluster.findings.filter((finding) => finding.accepted);
  if (accepted.length === 0) return [];
  const shown = accepted
    .slice(0, 20)
    .map(
      (f) =>
        `    ${style.dim('~')} ${sanitize(f.message)} [${f.rule}] ${style.dim(f.accepted ? acceptanceText(f.accepted) : '')}`,
    );
  const more = accepted.length > 20 ? [`    … and ${accepted.length - 20} more`] : [];
  return [`  ${style.dim('Accepted')} (${accepted.length})`, ...shown, ...more];
}

function warningLines(cluster: ClusterResult, style: Style): string[] {
  const warnings = cluster.findings.filter((finding) => finding.severity === 'warning' && !finding.accepted);
  if (warnings.length === 0) return [];
  const shown = warnings
    .slice(0, MAX_LISTED_VMS)
    .map((w) => `    ${style.warn('!')} ${sanitize(w.message)} [${w.rule}]`);
  const more = warnings.length > MAX_LISTED_VMS ? [`    … and ${warnings.length - MAX_LISTED_VMS} more`] : [];
  return [`  ${style.warn('Warnings')} (${warnings.length})`, ...shown, ...more];
}

/** Cluster-wide findings that leave facts missing (a node that could not list its VMs): never only in JSON. */
function missingLines(cluster: ClusterResult, style: Style): string[] {
  const missing = clusterGaps(cluster);
  if (missing.length === 0) return [];
  const shown = missing.map((f) => `    ${style.unknown('?')} ${sanitize(f.message)} [${f.rule}]`);
  return [`  ${style.unknown('Not read')} (${missing.length})`, ...shown];
}

function verdictWord(verdict: ClusterResult['verdict'], style: Style): string {
  const text = RUN_VERDICT_TEXT[verdict];
  if (verdict === 'at-risk') return style.bad(text);
  return verdict === 'safe' ? style.good(text) : style.unknown(text);
}

function clusterLines(cluster: ClusterResult, style: Style): string[] {
  const count = (verdict: VmResult['verdict']) => cluster.vms.filter((vm) => vm.verdict === verdict).length;
  const safe = count('safe');
  const other = count('not-applicable');
  const assumed = cluster.vms.filter(
    (vm) => vm.verdict !== 'not-applicable' && vm.activation === 'avma' && vm.activationBasis === 'assumed',
  ).length;
  const summary = [
    `${count('at-risk')} at risk`,
    `${count('unknown')} unknown`,
    `${safe} safe`,
    ...(other > 0 ? [`${other} not using AVMA`] : []),
  ].join(', ');
  const assumedNote = assumed > 0 ? `; ${assumed} of them assumed to use AVMA` : '';
  return [
    `${style.strong(`Cluster ${sanitize(cluster.name, 64)}`)}: ${verdictWord(cluster.verdict, style)} (${plural(cluster.vms.length, 'VM')}: ${summary}${assumedNote})`,
    `  Nodes (${cluster.nodes.length})`,
    ...nodeLines(cluster.nodes, style),
    ...missingLines(cluster, style),
    ...vmSection(cluster, 'at-risk', style),
    ...vmSection(cluster, 'unknown', style),
    ...warningLines(cluster, style),
    ...acceptedLines(cluster, style),
    ...notApplicableLines(cluster, style),
    '',
  ];
}

function runLines(judgement: Judgement, style: Style): string[] {
  const lines: string[] = [];
  for (const f of judgement.findings)
    lines.push(
      `${style.warn('!')} ${sanitize(f.message, 400)} [${f.rule}]${f.source ? style.dim(` (${sanitize(f.source)})`) : ''}`,
    );
  for (const note of acceptanceNotes(judgement)) lines.push(`${style.dim('·')} ${sanitize(note.text, 600)}`);
  return lines.length > 0 ? [...lines, ''] : [];
}

/** "Verdict: FAIL: 2 VMs at risk (counts; exit code 1)", the word coloured. */
export function verdictLine(
  headline: string,
  verdict: GateVerdict,
  counts: string,
  exitCode: number,
  style: Style,
): string {
  const word = headline.slice(0, headline.indexOf(':'));
  const paint = verdict === 'fail' ? style.bad : verdict === 'pass' ? style.good : style.unknown;
  return `Verdict: ${paint(word)}${headline.slice(word.length)} (${counts}; exit code ${exitCode})`;
}

function closingLine(judgement: Judgement, exitCode: number, style: Style): string {
  const { gate, report } = judgement;
  const counts = countsText(report.counts, report.clusters.length);
  return verdictLine(gateHeadline(gate), gate.verdict, counts, exitCode, style);
}

/** Every cluster, then the run's own findings, ignore file and baseline: the report without its verdict line. */
export function* judgementSections(judgement: Judgement, style: Style): Iterable<string> {
  for (const cluster of judgement.report.clusters) yield `${clusterLines(cluster, style).join('\n')}\n`;
  const run = runLines(judgement, style);
  if (run.length > 0) yield `${run.join('\n')}\n`;
}

export const formatText: Formatter<Judgement> = function* (judgement, context) {
  const style = makeStyle(context.color);
  yield* judgementSections(judgement, style);
  yield `${closingLine(judgement, context.exitCode, style)}\n`;
};
