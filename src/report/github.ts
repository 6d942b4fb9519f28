// GitHub Actions workflow commands. What fails the gate is an ::error, what makes the run incomplete a ::warning,
// what the gate lets pass a ::notice: so the annotations agree with the exit code. Each points into the
// clusters.yaml (file=, line=) when the input is a config file, so it shows on the pull request's diff. GitHub
// shows 10 of each kind per step: each kind stops there, and a notice says how many more.
import { findingWeight, vmWeight, type Weight } from '../analyze/gate.js';
import type { Judgement } from '../analyze/judge.js';
import { acceptanceNotes } from './acceptance-notes.js';
import { guestText } from './describe.js';
import { gateHeadline } from './gate-text.js';
import { vmRemarks } from './remarks.js';
import { sanitize } from './sanitize.js';
import { reasonIndex } from './target-reasons.js';
import type { FormatContext, Formatter, Locator } from './types.js';

export const ANNOTATIONS_PER_KIND = 10;
type Kind = 'error' | 'warning' | 'notice';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  kind: Kind;
  title: string;
  message: string;
  where?: { file: string; line: number } | null;
  weight?: number;
}

export function command(a: Annotation): string {
  const props = [
    ...(a.where ? [`file=${escapeProperty(a.where.file)}`, `line=${a.where.line}`] : []),
    `title=${escapeProperty(sanitize(a.title, 200))}`,
  ];
  return `::${a.kind} ${props.join(',')}::${escapeData(sanitize(a.message, 2000))}`;
}

const KIND: Partial<Record<Weight, Kind>> = { failure: 'error', incomplete: 'warning', advice: 'notice' };

export function annotations(judgement: Judgement, locate: Locator | null | undefined): Annotation[] {
  const gate = judgement.gate.options;
  const all: Annotation[] = [];
  for (const cluster of judgement.report.clusters) {
    const reasons = reasonIndex(cluster);
    for (const vm of cluster.vms) {
      const kind = KIND[vmWeight(vm, gate) as Weight];
      if (!kind) continue;
      const verdict = vm.gate === 'at-risk' ? 'fail' : 'unknown';
      const bad = reasons(vm, verdict);
      const detail =
        bad.map((r) => `${r.node}: ${r.messages.join('; ')}`).join('; ') || 'no node left to run on';
      const what =
        verdict === 'fail'
          ? `loses activation on ${bad.length} of ${vm.targets.length} possible owners`
          : `cannot be judged on ${bad.length} of ${vm.targets.length} possible owners`;
      const remarks = vmRemarks(vm)
        .map((r) => ` (${r})`)
        .join('');
      all.push({
        kind,
        title: `AVMA: ${vm.name} ${verdict === 'fail' ? 'at risk' : 'unknown'} (${cluster.name})`,
        message: `${vm.name} (${guestText(vm.guest)}) ${what}${remarks}. ${detail}`,
        where: locate?.(cluster.name, { vm: vm.name }),
        weight: bad.length / Math.max(1, vm.targets.length),
      });
    }
    for (const f of cluster.findings) {
      // VM-level failures are annotated above; node-wide unknowns show through their VMs. What is left: nodes
      // not read, warnings, and what the cluster as a whole is missing (a node that could not list its VMs).
      const clusterWide = f.node === null && f.vm === null;
      if (f.rule !== 'node-unreachable' && f.severity !== 'warning' && !clusterWide) continue;
      const kind = KIND[findingWeight(f, gate)];
      if (!kind) continue;
      all.push({
        kind,
        title: `AVMA: ${f.rule} (${cluster.name})`,
        message: f.message,
        where: locate?.(cluster.name, { node: f.node, vm: f.vm }),
      });
    }
  }
  for (const f of judgement.findings) {
    const kind = KIND[findingWeight(f, gate)];
    if (kind)
      all.push({ kind, title: `AVMA: ${f.rule}`, message: `${f.message} (${f.source ?? 'ignore file'})` });
  }
  return all;
}

/** Each kind worst first, 10 at most, and a notice for the rest. */
export function* capAnnotations(all: readonly Annotation[]): Iterable<string> {
  for (const kind of ['error', 'warning', 'notice'] as const) {
    const ofKind = all.filter((a) => a.kind === kind).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
    for (const a of ofKind.slice(0, ANNOTATIONS_PER_KIND)) yield `${command(a)}\n`;
    if (ofKind.length > ANNOTATIONS_PER_KIND) {
      yield `${command({
        kind: 'notice',
        title: `AVMA: ${ofKind.length - ANNOTATIONS_PER_KIND} more ${kind}s`,
        message:
          'GitHub shows about 10 annotations of each kind: the job summary (--format markdown) and the JSON report list them all.',
      })}\n`;
    }
  }
}

/** Where a note is about, as file and line when its source says file:line. */
function noteWhere(source: string | null): { file: string; line: number } | null {
  const match = source ? /^(.*):(\d+)$/.exec(source) : null;
  return match ? { file: match[1] ?? '', line: Number(match[2]) } : null;
}

export const formatGithub: Formatter<Judgement> = function* (judgement, context: FormatContext) {
  yield* capAnnotations(annotations(judgement, context.locate));
  for (const note of acceptanceNotes(judgement, ANNOTATIONS_PER_KIND))
    yield `${command({ kind: 'notice', title: 'avma-check: accepted findings', message: note.text, where: noteWhere(note.source) })}\n`;
  const headline = gateHeadline(judgement.gate);
  yield `${command({ kind: 'notice', title: `avma-check: ${headline.slice(0, headline.indexOf(':'))}`, message: `${headline} (exit code ${context.exitCode})` })}\n`;
};
