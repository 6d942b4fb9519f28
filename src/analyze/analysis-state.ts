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
import type { Judged } from './judged.js';

export interface NodeState {
  readonly judged: Judged;
  readonly findings: readonly Finding[];
  /** A VM's result here when nothing about the VM or the pair is hit: most VMs share it. */
  readonly alone: TargetResult;
  /** Results here by the ids of the VM and pair rules that hit: VMs with the same hits share one. */
  readonly results: Map<string, TargetResult>;
}

export type VmApplicability = ReturnType<typeof vmApplicability>;

/** Findings about a VM on its targets, in target order: `at[k]` is the target index of `findings[k]`. */
export interface TargetFindings {
  readonly findings: readonly Finding[];
  readonly at: readonly number[];
}

/** A VM's results on its targets and what they roll up to: VMs judged alike share one (judge-vm.ts). */
export interface TargetsJudged {
  readonly results: readonly TargetResult[];
  /** Each target's verdict with accepted findings left out; null when nothing can be accepted. */
  readonly gates: readonly TargetVerdict[] | null;
  readonly verdict: VmVerdict;
  readonly gate: VmVerdict;
}

export interface VmState {
  /** Whether AVMA concerns the VM at all, from its record alone. */
  readonly applicability: VmApplicability;
  readonly targets: readonly NodeRecord[];
  readonly onVm: Judged;
  /** Its results on its targets, shared by the VMs judged alike. */
  readonly judged: TargetsJudged;
  /** The findings about the VM on its targets, or null when there is none. */
  readonly targetFindings: TargetFindings | null;
  readonly result: VmResult;
  /** The VM's own findings (each target's are in targetFindings). */
  readonly vmFindings: readonly Finding[];
  /** The activation-unknown finding of a VM whose channel is unknown, after its targets' findings. */
  readonly channelFindings: readonly Finding[];
}

export interface ClusterCache {
  readonly nodes: WeakMap<NodeRecord, NodeState>;
  /** What each VM of the cluster's VM list was judged to last time, by position in that list. */
  vms: { list: readonly VmRecord[]; states: VmState[] } | null;
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
    count += vm.vmFindings.length + (vm.targetFindings?.findings.length ?? 0) + vm.channelFindings.length;
  const into: Finding[] = new Array(count);
  let at = 0;
  const add = (findings: readonly Finding[]) => {
    for (let k = 0; k < findings.length; k++) into[at++] = findings[k] as Finding;
  };
  for (const node of nodes) add(node.findings);
  for (const vm of vms) {
    add(vm.vmFindings);
    if (vm.targetFindings) add(vm.targetFindings.findings);
    add(vm.channelFindings);
  }
  return into;
}
