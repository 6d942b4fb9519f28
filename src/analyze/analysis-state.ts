// What an analyzer remembers between analyses (analyzer.ts): per node and per VM, what it judged and from which
// records. Pure.
import type { vmApplicability } from '../domain/policy.js';
import type { ClusterRecord, NodeRecord, VmRecord } from '../model/facts.js';
import type {
  ClusterResult,
  Finding,
  TargetResult,
  TargetVerdict,
  VmResult,
  VmVerdict,
} from '../model/report.js';
import { type Judged, NOTHING } from './judged.js';

export interface NodeState {
  readonly judged: Judged;
  readonly findings: readonly Finding[];
  /** A VM's result here when nothing about the VM or the pair is hit: most VMs share it. */
  readonly alone: TargetResult;
  /** Results here by the ids of the VM and pair rules that hit: VMs with the same hits share one. */
  readonly results: Map<string, TargetResult>;
}

export type VmApplicability = ReturnType<typeof vmApplicability>;

/** Findings about a VM on its targets, in target order: `on[k]` is the node record `findings[k]` is about. */
export interface TargetFindings {
  readonly findings: readonly Finding[];
  readonly on: readonly NodeRecord[];
}

/** A VM's results on its targets and what they roll up to: VMs judged alike share one (judge-vm.ts). */
export interface TargetsJudged {
  readonly results: readonly TargetResult[];
  /** Each target's verdict with accepted findings left out; null when nothing can be accepted. */
  readonly gates: readonly TargetVerdict[] | null;
  readonly verdict: VmVerdict;
  readonly gate: VmVerdict;
}

/** A VM's own hits and findings (judge-own.ts), kept as one object while they do not change. */
export interface OnItsOwn {
  readonly onVm: Judged;
  readonly findings: readonly Finding[];
}

export const ON_NOTHING: OnItsOwn = { onVm: NOTHING, findings: [] };

export interface VmState {
  /** Whether AVMA concerns the VM at all, from its record alone. */
  readonly applicability: VmApplicability;
  readonly targets: readonly NodeRecord[];
  /** What the VM's own rules found, whatever node it lands on. */
  readonly own: OnItsOwn;
  /** Its results on its targets, shared by the VMs judged alike. */
  readonly judged: TargetsJudged;
  /** The findings about the VM on its targets, or null when there is none. */
  readonly targetFindings: TargetFindings | null;
  readonly result: VmResult;
  /** The activation-unknown finding of a VM whose channel is unknown, after its targets' findings. */
  readonly channelFindings: readonly Finding[];
}

export interface JudgedVms {
  readonly nodes: readonly NodeRecord[];
  readonly list: readonly VmRecord[];
  readonly states: VmState[];
}

/** How many node records differ between two lists of a cluster's nodes, position by position. */
export function nodesChanged(a: readonly NodeRecord[], b: readonly NodeRecord[]): number {
  let changed = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) changed++;
  return changed;
}

export interface ClusterCache {
  readonly nodes: WeakMap<NodeRecord, NodeState>;
  /**
   * What each VM of the cluster's VM list was judged to, by position in that list: in the first analysis (the
   * clusters as they are, which a what-if returns to) and in the last.
   */
  readonly judgedVms: JudgedVms[];
  /** Results of whole clusters by their records: the first analysed and the last few. */
  readonly results: { record: ClusterRecord; result: ClusterResult }[];
  /** Not-read possible owners, made once: a new record each time would be a changed node each time. */
  readonly unread: Map<string, NodeRecord>;
}

/** The same elements in the same order. A loop, not every(): asked twice per VM at each step, a callback costs. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const sameResult = (a: TargetResult, b: TargetResult) =>
  a === b || (a.node === b.node && a.verdict === b.verdict && sameList(a.rules, b.rules));

/**
 * The findings of a cluster's nodes and VMs in report order: each node's, then each VM's own, its targets' and
 * what its unknown channel raised. Counted first: an array grown push by push to tens of thousands costs
 * several times as much.
 */
export function findingsInReportOrder(nodes: readonly NodeState[], vms: readonly VmState[]): Finding[] {
  let count = 0;
  for (const node of nodes) count += node.findings.length;
  for (const vm of vms)
    count += vm.own.findings.length + (vm.targetFindings?.findings.length ?? 0) + vm.channelFindings.length;
  const into: Finding[] = new Array(count);
  let at = 0;
  const add = (findings: readonly Finding[]) => {
    for (let k = 0; k < findings.length; k++) into[at++] = findings[k] as Finding;
  };
  for (const node of nodes) add(node.findings);
  for (const vm of vms) {
    add(vm.own.findings);
    if (vm.targetFindings) add(vm.targetFindings.findings);
    add(vm.channelFindings);
  }
  return into;
}
