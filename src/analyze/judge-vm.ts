// One VM judged on every node it can land on, reusing what was judged last time on the nodes that did not change
// (analyzer.ts). A drain or an upgrade of one node judges one target of each VM again, not all 64. Pure.
import { vmApplicability } from '../domain/policy.js';
import type { NodeRecord, VmRecord } from '../model/facts.js';
import type { Finding, TargetResult, TargetVerdict, VmResult, VmVerdict } from '../model/report.js';
import activationUnknown, { activationUnknownMessage } from '../rules/activation-unknown.js';
import type { Rule, RuleContext, Severity, TargetSubject } from '../rules/types.js';
import type { Acceptor } from './accept.js';
import {
  type NodeState,
  ON_NOTHING,
  type OnItsOwn,
  sameList,
  sameResult,
  type TargetFindings,
  type TargetsJudged,
  type VmApplicability,
  type VmState,
} from './analysis-state.js';
import { judgeOnItsOwn } from './judge-own.js';
import {
  gateVerdict,
  type Judged,
  judged,
  judgedKey,
  openSeverities,
  record,
  sameJudged,
  vmGate,
} from './judged.js';
import { commonHead, commonTail, spliced, splicedFindings } from './target-span.js';
import { judgeUnknownChannel } from './unknown-channel.js';
import { vmVerdict } from './verdicts.js';

export interface VmScope {
  readonly cluster: string;
  readonly context: RuleContext;
  readonly vmRules: readonly Rule[];
  readonly targetRules: readonly Rule[];
  readonly accept: Acceptor | undefined;
  readonly targetsOf: (vm: VmRecord) => readonly NodeRecord[];
  readonly nodeState: (node: NodeRecord) => NodeState;
  /** The analyzer remembers: VMs with hits on their targets are worth sharing results between too. */
  readonly rememberHits: boolean;
  /**
   * What VMs with these targets were judged to in this analysis, by their own hits and their hits on each
   * target: on a real cluster most VMs are judged alike, and share one list of results.
   */
  readonly shared: (targets: readonly NodeRecord[]) => Map<string, TargetsJudged>;
  /**
   * What VMs that had `from` were judged to with these targets in this analysis, by their hits on the targets
   * judged again: VMs that shared their results before a change share them after it. Null when not kept.
   */
  readonly transitions: (
    from: TargetsJudged,
    targets: readonly NodeRecord[],
  ) => Map<string, TargetsJudged> | null;
  /** The result on a node, shared by VMs with the same hits there. */
  readonly targetResult: (
    node: NodeState,
    name: string,
    onVm: Judged,
    onTarget: Judged | null,
  ) => TargetResult;
  /** Records a finding in `into`; returns whether it is accepted. */
  readonly finding: (
    into: Finding[],
    rule: Rule,
    node: string | null,
    vm: string | null,
    message: string,
  ) => boolean;
}

const NONE: readonly Finding[] = [];
const NO_NODES: readonly NodeRecord[] = [];
// Never written to: the middle of a VM whose targets were only removed.
const NO_RESULTS: TargetResult[] = [];
const NOT_JUDGED: TargetsJudged = {
  results: [],
  gates: null,
  verdict: 'not-applicable',
  gate: 'not-applicable',
};

function vmResult(
  vm: VmRecord,
  reason: string | null,
  verdict: VmVerdict,
  gate: VmVerdict,
  targets: readonly TargetResult[],
): VmResult {
  return {
    name: vm.name,
    owner: vm.owner,
    state: vm.state,
    activation: vm.activation,
    activationBasis: vm.activationBasis,
    kvp: vm.kvp,
    guest: vm.guest,
    reason,
    verdict,
    gate,
    targets,
  };
}

export function judgeVm(scope: VmScope, vm: VmRecord, lastState: VmState | undefined): VmState {
  let last = lastState;
  // The same record as last time (analyzer.ts): what makes it one AVMA concerns is known already.
  const applicability = last ? last.applicability : vmApplicability(vm);
  if (!applicability.applies) {
    if (last) return last;
    const result = vmResult(vm, applicability.reason, 'not-applicable', 'not-applicable', []);
    return {
      applicability,
      targets: [],
      own: ON_NOTHING,
      judged: NOT_JUDGED,
      targetFindings: null,
      result,
      channelFindings: NONE,
    };
  }
  const targets = scope.targetsOf(vm);
  if (last && sameList(last.targets, targets)) return last;
  // A VM whose activation channel is unknown fails nowhere for certain (unknown-channel.ts): judged whole
  // each time, from each target's open severities.
  const open: Severity[][] | null = vm.activation === 'unknown' ? [] : null;
  if (open) last = undefined;
  const { context, accept } = scope;
  const own = judgeOnItsOwn(scope, vm, targets, last);
  const { onVm } = own;
  // Targets on nodes that did not change keep what they had, unless the VM's own hits changed.
  const kept = last && (last.own === own || sameJudged(last.own.onVm, onVm)) ? last : null;
  const from = kept ? commonHead(kept.targets, targets) : 0;
  const tail = kept ? commonTail(kept.targets, targets, from) : 0;
  const to = targets.length - tail;
  const oldTo = kept ? kept.targets.length - tail : 0;
  const forVm = accept?.forVm;
  const count = to - from;
  // A drain judges no target again: nothing to allocate for 7,200 VMs.
  const middle: TargetResult[] = count === 0 ? NO_RESULTS : new Array(count);
  const middleGates: TargetVerdict[] | null = accept ? new Array(count) : null;
  let middleFindings: Finding[] | null = null;
  let middleOn: NodeRecord[] | null = null;
  // The hits on each target judged now, by position: part of the key to results judged alike.
  let middleHits = '';
  // One subject for every target of the VM: half a million targets on the largest cluster would each make one.
  const pair: { vm: VmRecord; node: NodeRecord } | null =
    count === 0 ? null : { vm, node: targets[from] as NodeRecord };
  for (let i = from; i < to; i++) {
    const node = targets[i] as NodeRecord;
    const state = scope.nodeState(node);
    let onTarget: Judged | null = null;
    (pair as { node: NodeRecord }).node = node;
    for (let r = 0; r < scope.targetRules.length; r++) {
      const rule = scope.targetRules[r] as Rule;
      const hit = rule.checkTarget?.(pair as TargetSubject, context);
      if (!hit) continue;
      onTarget ??= judged();
      middleFindings ??= [];
      middleOn ??= [];
      record(onTarget, rule, scope.finding(middleFindings, rule, node.name, vm.name, hit.message));
      middleOn.push(node);
    }
    if (onTarget) middleHits += `${i - from}${judgedKey(onTarget)};`;
    const result = scope.targetResult(state, node.name, onVm, onTarget);
    // The object the VM had here, when equal: successive states then share whole VMs.
    const before = last?.judged.results[i];
    middle[i - from] = before && sameResult(before, result) ? before : result;
    if (middleGates || open) {
      // An ignore entry naming this VM can accept a node-wide finding for it alone.
      const lifted = forVm
        ? (k: number) =>
            forVm({
              rule: state.judged.ids[k] ?? '',
              cluster: scope.cluster,
              node: node.name,
              vm: vm.name,
            }) !== null
        : undefined;
      if (open) open.push(openSeverities(state.judged, onVm, onTarget, lifted));
      else if (middleGates) middleGates[i - from] = gateVerdict(state.judged, onVm, onTarget, lifted);
    }
  }
  const targetFindings = splicedFindings(
    kept?.targetFindings ?? null,
    kept?.targets ?? NO_NODES,
    from,
    oldTo,
    middleFindings ?? NONE,
    middleOn ?? NO_NODES,
  );
  if (open) {
    const results = kept ? spliced(kept.judged.results, from, oldTo, middle) : middle;
    return unknownChannel(scope, vm, applicability, { targets, own, results, targetFindings, open });
  }
  // VMs judged alike share one TargetsJudged: same targets, same own hits, same hits on each target. Not when
  // an ignore entry names a VM: it can accept a node's finding for that VM alone.
  let alike: Map<string, TargetsJudged> | null = null;
  let key = '';
  if (!forVm) {
    if (targetFindings === null || !kept) {
      // Hit on no target (most VMs), or judged on every target: the hits are all known here.
      alike = targetFindings === null || scope.rememberHits ? scope.shared(targets) : null;
      key = `${judgedKey(onVm)}|${middleHits}`;
    } else {
      // VMs that shared kept.judged and have these targets now changed alike: only the new hits tell them apart.
      alike = scope.transitions(kept.judged, targets);
      key = middleHits;
    }
  }
  let judgedTargets = alike?.get(key);
  if (!judgedTargets) {
    const results = kept ? spliced(kept.judged.results, from, oldTo, middle) : middle;
    const keptGates = kept?.judged.gates;
    const gates = middleGates && keptGates ? spliced(keptGates, from, oldTo, middleGates) : middleGates;
    const verdict = vmVerdict(results);
    judgedTargets = { results, gates, verdict, gate: gates ? vmGate(gates) : verdict };
    alike?.set(key, judgedTargets);
  }
  const { verdict, gate } = judgedTargets;
  const result =
    last && last.result.gate === gate && sameList(last.judged.results, judgedTargets.results)
      ? last.result
      : vmResult(vm, applicability.reason, verdict, gate, judgedTargets.results);
  return {
    applicability,
    targets,
    own,
    judged: judgedTargets,
    targetFindings,
    result,
    channelFindings: NONE,
  };
}

/** A VM of unknown channel: where it would fail, unknown instead, with one activation-unknown finding. */
function unknownChannel(
  scope: VmScope,
  vm: VmRecord,
  applicability: VmApplicability,
  judgedVm: {
    targets: readonly NodeRecord[];
    own: OnItsOwn;
    results: readonly TargetResult[];
    targetFindings: TargetFindings | null;
    open: readonly (readonly Severity[])[];
  },
): VmState {
  const channelFindings: Finding[] = [];
  const { results, gates } = judgeUnknownChannel(judgedVm.results, judgedVm.open, (failing) =>
    scope.finding(
      channelFindings,
      activationUnknown,
      null,
      vm.name,
      activationUnknownMessage(vm.name, failing),
    ),
  );
  const verdict = vmVerdict(results);
  const gate = scope.accept ? vmGate(gates) : verdict;
  return {
    applicability,
    targets: judgedVm.targets,
    own: judgedVm.own,
    judged: { results, gates: scope.accept ? gates : null, verdict, gate },
    targetFindings: judgedVm.targetFindings,
    result: vmResult(vm, applicability.reason, verdict, gate, results),
    channelFindings,
  };
}
