// Accepted findings: entries of an ignore file and the findings a baseline report already had. An accepted
// finding stays in every report, marked with why; only the gate (the exit code) leaves it out. Pure.
import type { Acceptance } from '../model/report.js';
import { isActive, type Suppression, suppressionMatches } from './suppress.js';

export interface Subject {
  rule: string;
  cluster: string;
  node: string | null;
  vm: string | null;
}

export interface Acceptor {
  /** Why this finding is accepted, or null. */
  readonly finding: (subject: Subject) => Acceptance | null;
  /**
   * Why a node-wide finding is accepted for one VM landing on that node (an ignore entry naming the VM), or
   * null; absent when no entry names a VM, so the common case costs nothing per target.
   */
  readonly forVm?: (subject: Subject & { node: string; vm: string }) => Acceptance | null;
  /**
   * Whether a node-wide finding is accepted for some VMs only (the baseline's, through forVm), not for every VM
   * landing on the node; absent when no baseline says which VMs.
   */
  readonly nodeWideByVm?: (subject: Subject) => boolean;
}

/** A finding of a baseline report: what identifies it (cluster, rule, node, VM) and its message. */
export interface BaselineFinding {
  cluster: string;
  rule: string;
  node: string | null;
  vm: string | null;
  message: string;
}

export interface Baseline {
  file: string;
  findings: readonly BaselineFinding[];
  /**
   * The targets each VM already failed (or could not be judged) on, by rule (vmTargetKey): a node-wide finding
   * the baseline had is accepted for those VMs only, so a VM newly landing on that node is new. Absent: for every VM.
   */
  vmTargets?: ReadonlySet<string>;
}

export function vmTargetKey(cluster: string, vm: string, node: string, rule: string): string {
  return [cluster, vm, node, rule].map((part) => part.toLowerCase()).join('\u0000');
}

export function findingKey(f: Subject): string {
  return [f.cluster, f.rule, f.node ?? '', f.vm ?? ''].map((part) => part.toLowerCase()).join('\u0000');
}

function fromSuppression(s: Suppression): Acceptance {
  return { by: 'ignore-file', reason: s.reason, expires: s.expires ?? null, source: s.source ?? null };
}

export function makeAcceptor(
  ignore: readonly Suppression[],
  baseline: Baseline | null,
  now: Date,
): Acceptor | undefined {
  const active = ignore.filter((s) => isActive(s, now));
  const known = new Set((baseline?.findings ?? []).map(findingKey));
  if (active.length === 0 && known.size === 0) return undefined;
  const inBaseline: Acceptance | null = baseline
    ? {
        by: 'baseline',
        reason: `already in the baseline ${baseline.file}`,
        expires: null,
        source: baseline.file,
      }
    : null;
  const perVm = active.filter((s) => s.vm !== undefined);
  const vmTargets = baseline?.vmTargets;
  const ignored = (subject: Subject) => {
    const entry = active.find((s) => suppressionMatches(s, subject));
    return entry ? fromSuppression(entry) : null;
  };
  return {
    // The baseline first: a finding it had is not new, whatever else accepts it.
    finding: (subject) => {
      if (inBaseline && known.has(findingKey(subject))) return inBaseline;
      return ignored(subject);
    },
    // A node-wide finding the baseline had covers only the VMs that already failed there (vmTargets).
    ...(vmTargets && {
      nodeWideByVm: (subject: Subject) =>
        inBaseline !== null &&
        known.has(findingKey(subject)) &&
        subject.node !== null &&
        ignored(subject) === null,
    }),
    ...((perVm.length > 0 || vmTargets) && {
      forVm: (subject) => {
        const entry = perVm.find((s) => suppressionMatches(s, subject));
        if (entry) return fromSuppression(entry);
        const had = vmTargets?.has(vmTargetKey(subject.cluster, subject.vm, subject.node, subject.rule));
        return had && inBaseline && known.has(findingKey({ ...subject, vm: null })) ? inBaseline : null;
      },
    }),
  };
}

/** Findings of the baseline that the current report no longer has. */
export function goneSince(baseline: Baseline, current: Iterable<Subject>): BaselineFinding[] {
  const now = new Set<string>();
  for (const finding of current) now.add(findingKey(finding));
  return baseline.findings.filter((f) => !now.has(findingKey(f)));
}
