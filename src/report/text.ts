// The default human report: per cluster its nodes, the VMs at risk or unknown with reasons, then a verdict.
import type { NodeRecord } from '../model/facts.js';
import type { ClusterResult, Report, VmResult } from '../model/report.js';
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
      const error = node.error ? `${node.error.kind}: ${sanitize(node.error.message)}` : 'no facts';
      const hint = node.error?.hint ? style.dim(` (${sanitize(node.error.hint)})`) : '';
      return `    ${style.unknown('?')} ${name}  ${style.unknown(error)}${hint}`;
    }
    const facts = node.facts;
    const activation = activationText(facts);
    const cells = [
      pad(releaseText(facts), 10),
      pad(editionText(facts), 22),
      facts.activated === false ? style.bad(pad(activation, 30)) : pad(activation, 30),
      facts.hyperV === false ? style.bad(pad(hyperVText(facts), 10)) : pad(hyperVText(facts), 10),
      `${facts.state ?? ''}${node.drained ? ' (drained)' : ''}`,
    ];
    return `    ${style.dim('·')} ${name}  ${cells.join(' ').trimEnd()}`;
  });
}

function vmHeader(vm: VmResult, mark: string): string {
  const owner = vm.owner ? `, runs on ${sanitize(vm.owner, 32)}` : '';
  return `    ${mark} ${sanitize(vm.name, 64)} (${guestText(vm.guest)}${owner})`;
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
    lines.push(
      `${vmHeader(vm, mark)}: ${verdict === 'at-risk' ? 'fails' : 'cannot be judged'} on ${bad.length} of ${vm.targets.length} possible owners`,
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

function suppressedLines(cluster: ClusterResult, style: Style): string[] {
  const suppressed = cluster.findings.filter((finding) => finding.suppressed);
  if (suppressed.length === 0) return [];
  const shown = suppressed
    .slice(0, 20)
    .map(
      (f) =>
        `    ${style.dim('~')} ${sanitize(f.message)} [${f.rule}] ${style.dim(`suppressed: ${sanitize(f.suppressed?.reason ?? '')}`)}`,
    );
  const more = suppressed.length > 20 ? [`    … and ${suppressed.length - 20} more`] : [];
  return [`  ${style.dim('Suppressed')} (${suppressed.length})`, ...shown, ...more];
}

function warningLines(cluster: ClusterResult, style: Style): string[] {
  const warnings = cluster.findings.filter(
    (finding) => finding.severity === 'warning' && !finding.suppressed,
  );
  if (warnings.length === 0) return [];
  const shown = warnings
    .slice(0, MAX_LISTED_VMS)
    .map((w) => `    ${style.warn('!')} ${sanitize(w.message)} [${w.rule}]`);
  const more = warnings.length > MAX_LISTED_VMS ? [`    … and ${warnings.length - MAX_LISTED_VMS} more`] : [];
  return [`  ${style.warn('Warnings')} (${warnings.length})`, ...shown, ...more];
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
  const summary = [
    `${count('at-risk')} at risk`,
    `${count('unknown')} unknown`,
    `${safe} safe`,
    ...(other > 0 ? [`${other} not using AVMA`] : []),
  ].join(', ');
  return [
    `${style.strong(`Cluster ${sanitize(cluster.name, 64)}`)}: ${verdictWord(cluster.verdict, style)} (${plural(cluster.vms.length, 'VM')}: ${summary})`,
    `  Nodes (${cluster.nodes.length})`,
    ...nodeLines(cluster.nodes, style),
    ...vmSection(cluster, 'at-risk', style),
    ...vmSection(cluster, 'unknown', style),
    ...warningLines(cluster, style),
    ...suppressedLines(cluster, style),
    '',
  ];
}

function closingLine(report: Report, exitCode: number, style: Style): string {
  const { counts } = report;
  const parts = [
    `${plural(counts.atRisk, 'VM')} at risk`,
    `${counts.unknown} unknown`,
    `${counts.safe} safe`,
  ];
  if (counts.notApplicable > 0) parts.push(`${counts.notApplicable} not using AVMA`);
  return `Verdict: ${verdictWord(report.verdict, style)}: ${parts.join(', ')} in ${plural(report.clusters.length, 'cluster')} (exit code ${exitCode})`;
}

export const formatText: Formatter = (report, context) => {
  const style = makeStyle(context.color);
  const lines = report.clusters.flatMap((cluster) => clusterLines(cluster, style));
  lines.push(closingLine(report, context.exitCode, style));
  return `${lines.join('\n')}\n`;
};
