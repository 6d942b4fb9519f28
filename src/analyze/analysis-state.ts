// What an analyzer remembers between analyses (analyzer.ts): per node and per VM, what it judged and from which
// records. Pure.
import type { ClusterRecord, NodeRecord, VmRecord } from '../model/facts.js';
import type { ClusterResult, Finding, TargetResult, TargetVerdict, VmResult } from '../model/report.js';
import type { Judged } from './judged.js';

export interface NodeState {
  readonly judged: Judged;
  readonly findings: readonly Finding[];
  /** A VM's result here when nothing about the VM or the pair is hit: most VMs share it. */
  readonly alone: TargetResult;
  /** Results here by the ids of the VM and pair rules that hit: VMs with the same hits share one. */
  readonly results: Map<string, TargetResult>;
}

export interface VmState {
  readonly targets: readonly NodeRecord[];
  readonly onVm: Judged;
  readonly results: readonly TargetResult[];
  /** Each target's own findings, or null when no target of the VM has any. */
  readonly targetFindings: readonly (readonly Finding[] | null)[] | null;
  /** Each target's verdict with accepted findings left out; null when nothing can be accepted. */
  readonly gates: readonly TargetVerdict[] | null;
  readonly result: VmResult;
  /** The VM's own findings (each target's are in targetFindings). */
  readonly vmFindings: readonly Finding[];
  /** The activation-unknown finding of a VM whose channel is unknown, after its targets' findings. */
  readonly channelFindings: readonly Finding[];
}

export interface ClusterCache {
  readonly nodes: WeakMap<NodeRecord, NodeState>;
  readonly vms: WeakMap<VmRecord, VmState>;
  /** Results of whole clusters by their records: the first analysed and the last few. */
  readonly results: { record: ClusterRecord; result: ClusterResult }[];
  /** Not-read possible owners, made once: a new record each time would be a changed node each time. */
  readonly unread: Map<string, NodeRecord>;
}

export const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

export const sameResult = (a: TargetResult, b: TargetResult) =>
  a === b || (a.node === b.node && a.verdict === b.verdict && sameList(a.rules, b.rules));
