// The result of an analysis: one verdict per target, VM, cluster and run, with the findings behind them.
import type { Severity } from '../rules/types.js';
import type { GuestOs, NodeRecord, VmActivation } from './facts.js';

export const TARGET_VERDICTS = ['ok', 'fail', 'unknown'] as const;
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];

export const VM_VERDICTS = ['safe', 'at-risk', 'unknown', 'not-applicable'] as const;
export type VmVerdict = (typeof VM_VERDICTS)[number];

export const RUN_VERDICTS = ['safe', 'at-risk', 'incomplete'] as const;
export type RunVerdict = (typeof RUN_VERDICTS)[number];

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly cluster: string;
  readonly node: string | null;
  readonly vm: string | null;
  readonly message: string;
  /** Set when an ignore file or a baseline suppresses it: it is reported, but decides no verdict. */
  readonly suppressed?: { readonly reason: string; readonly expires: string | null };
}

export interface TargetResult {
  readonly node: string;
  readonly verdict: TargetVerdict;
  /** Ids of the error and unknown rules behind the verdict (empty when ok). */
  readonly rules: readonly string[];
}

export interface VmResult {
  readonly name: string;
  readonly owner: string | null;
  readonly activation: VmActivation;
  readonly kvp: boolean | null;
  readonly guest: GuestOs | null;
  readonly verdict: VmVerdict;
  /** One per node the VM could land on; empty when the VM does not use AVMA. */
  readonly targets: readonly TargetResult[];
}

export interface ClusterResult {
  readonly name: string;
  readonly verdict: RunVerdict;
  readonly nodes: readonly NodeRecord[];
  readonly vms: readonly VmResult[];
  readonly findings: readonly Finding[];
}

export interface VerdictCounts {
  safe: number;
  atRisk: number;
  unknown: number;
  notApplicable: number;
}

export interface Report {
  readonly verdict: RunVerdict;
  readonly generatedAt: string;
  readonly counts: VerdictCounts;
  readonly clusters: readonly ClusterResult[];
}
