// The result of an analysis: one verdict per target, VM, cluster and run, with the findings behind them.
import type { Severity } from '../rules/types.js';
import type { ActivationBasis, GuestOs, NodeRecord, VmActivation } from './facts.js';

/** The JSON report's schema version: report/json.ts writes it, config/read-report.ts reads it and the one before. */
export const REPORT_SCHEMA_VERSION = 3;

export const TARGET_VERDICTS = ['ok', 'fail', 'unknown'] as const;
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];

export const VM_VERDICTS = ['safe', 'at-risk', 'unknown', 'not-applicable'] as const;
export type VmVerdict = (typeof VM_VERDICTS)[number];

export const RUN_VERDICTS = ['safe', 'at-risk', 'incomplete'] as const;
export type RunVerdict = (typeof RUN_VERDICTS)[number];

/** Why a finding is accepted: it stays in every report, marked, but the gate (the exit code) leaves it out. */
export interface Acceptance {
  /** An entry of the ignore file, or a finding the baseline report already had. */
  readonly by: 'ignore-file' | 'baseline';
  readonly reason: string;
  /** When an ignore entry stops working (ISO 8601), or null. */
  readonly expires: string | null;
  /** The ignore entry's file:line, or the baseline file. */
  readonly source: string | null;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly cluster: string;
  readonly node: string | null;
  readonly vm: string | null;
  readonly message: string;
  /** Set when an ignore entry or the baseline accepts it. */
  readonly accepted?: Acceptance;
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
  /** The VM's power state as read (Running, Off, Saved, ...), or null when declared or not read. */
  readonly state: string | null;
  readonly activation: VmActivation;
  /** Why: declared for the VM, a name pattern, the config's default, or assumed (AVMA, never confirmed). */
  readonly activationBasis: ActivationBasis;
  readonly kvp: boolean | null;
  readonly guest: GuestOs | null;
  /** Why the VM is not-applicable (e.g. "no AVMA key is published for Windows Server 2022 Essentials"); else null. */
  readonly reason: string | null;
  /** The real verdict, from every finding. */
  readonly verdict: VmVerdict;
  /** The verdict the gate counts: accepted findings left out. The same as `verdict` when none is accepted. */
  readonly gate: VmVerdict;
  /** One per node the VM could land on; empty when the VM does not use AVMA. */
  readonly targets: readonly TargetResult[];
}

export interface ClusterResult {
  readonly name: string;
  /** The real verdict of the cluster's facts (the gate of the whole run is in the judgement). */
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

/** What the facts say, every finding included: the gate's reading of it is a Judgement (analyze/judge.ts). */
export interface Report {
  readonly verdict: RunVerdict;
  readonly generatedAt: string;
  readonly counts: VerdictCounts;
  readonly clusters: readonly ClusterResult[];
}
