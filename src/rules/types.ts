import type { ClusterRecord, NodeRecord, VmRecord } from '../model/facts.js';

/** error: the VM fails on that node; unknown: facts are missing to judge; warning: advice, no verdict change. */
export const SEVERITIES = ['error', 'unknown', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleContext {
  readonly now: Date;
  readonly expiryWarningDays: number;
  readonly cluster: ClusterRecord;
}

export interface VmSubject {
  readonly vm: VmRecord;
  /** The nodes the VM could run on: its possible owners, or every node of the cluster. */
  readonly targets: readonly NodeRecord[];
}

/** Valid during the call only: the analyzer passes one object for all of a VM's targets. */
export interface TargetSubject {
  readonly vm: VmRecord;
  readonly node: NodeRecord;
}

export interface ClusterSubject {
  /** Every node a VM of the cluster could land on, those not read included. */
  readonly nodes: readonly NodeRecord[];
  /** The VMs that are judged (those that may use AVMA). */
  readonly vms: readonly VmRecord[];
}

export interface Hit {
  readonly message: string;
}

/**
 * A rule judges one kind of subject or more: a node (its verdict applies to every VM that could land there),
 * a VM (applies to all its targets), a target (a VM on one of its possible owners), or a whole cluster (its
 * findings name neither node nor VM and change no verdict).
 */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** One line, no final period. */
  readonly title: string;
  readonly explanation: string;
  /** What to do, ending in a period. */
  readonly remedy: string;
  readonly checkNode?: (node: NodeRecord, context: RuleContext) => Hit | undefined;
  readonly checkVm?: (subject: VmSubject, context: RuleContext) => Hit | undefined;
  readonly checkTarget?: (subject: TargetSubject, context: RuleContext) => Hit | undefined;
  readonly checkCluster?: (subject: ClusterSubject, context: RuleContext) => Hit | undefined;
  /** For a rule no check raises (a finding about the run itself): what raises it, for the docs. */
  readonly raisedBy?: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
