// One VM judged on every node it can land on, reusing what was judged last time on the nodes that did not change
// (analyzer.ts). A drain or an upgrade of one node judges one target of each VM again, not all 64. Pure.
import { vmApplicability } from '../domain/policy.js';
import type { NodeRecord, VmRecord } from '../model/facts.js';
import type { Finding, TargetResult, TargetVerdict, VmResult, VmVerdict } from '../model/report.js';
import activationUnknown, { activationUnknownMessage } from '../rules/activation-unknown.js';
import type { Rule, RuleContext, Severity } from '../rules/types.js';
import type { Acceptor } from './accept.js';
import { type NodeState, sameList, sameResult, type VmState } from './analysis-state.js';
import {
  gateVerdict,
  type Judged,
  judged,
  NOTHING,
  openSeverities,
  record,
  sameJudged,
  vmGate,
} from './judged.js';
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

/** Where `node` was in the targets judged last time: usually at i, or one off after a node left or joined. */
function keptIndex(kept: readonly NodeRecord[], node: NodeRecord, i: number, shift: number): number {
  const at = i + shift;
  if (kept[at] === node) return at;
  if (kept[at + 1] === node) return at + 1;
  if (kept[at - 1] === node) return at - 1;
  return kept.indexOf(node);
}

// A VM record does not change; a plan judges the same record in each of its steps.
const applicabilities = new WeakMap<VmRecord, ReturnType<typeof vmApplicability>>();

function applicabilityOf(vm: VmRecord): ReturnType<typeof vmApplicability> {
  let applicability = applicabilities.get(vm);
  if (!applicability) {
    applicability = vmApplicability(vm);
    applicabilities.set(vm, applicability);
  }
  return applicability;
}

export function judgeVm(scope: VmScope, vm: VmRecord, lastState: VmState | undefined): VmState {
  let last = lastState;
  const applicability = applicabilityOf(vm);
  if (!applicability.applies) {
    if (last) return last;
    const result = vmResult(vm, applicability.reason, 'not-applicable', 'not-applicable', []);
    return {
      targets: [],
      onVm: NOTHING,
      results: [],
      targetFindings: null,
      gates: null,
      result,
      vmFindings: NONE,
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
  let onVm = NOTHING;
  let vmFindings: Finding[] | null = null;
  for (const rule of scope.vmRules) {
    const hit = rule.checkVm?.({ vm, targets }, context);
    if (!hit) continue;
    if (onVm === NOTHING) onVm = judged();
    vmFindings ??= [];
    record(onVm, rule, scope.finding(vmFindings, rule, null, vm.name, hit.message));
  }
  // Targets on nodes that did not change keep what they had, unless the VM's own hits changed.
  const kept = last && sameJudged(last.onVm, onVm) ? last : null;
  const forVm = accept?.forVm;
  const results: TargetResult[] = new Array(targets.length);
  const gates: TargetVerdict[] | null = accept ? new Array(targets.length) : null;
  let owns: (readonly Finding[] | null)[] | null = null;
  let shift = 0;
  for (let i = 0; i < targets.length; i++) {
    const node = targets[i] as NodeRecord;
    const j = kept ? keptIndex(kept.targets, node, i, shift) : -1;
    if (kept && j >= 0) {
      shift = j - i;
      results[i] = kept.results[j] as TargetResult;
      if (gates) gates[i] = kept.gates?.[j] ?? 'ok';
      const own = kept.targetFindings?.[j];
      if (own) {
        owns ??= new Array(targets.length).fill(null);
        owns[i] = own;
      }
      continue;
    }
    const state = scope.nodeState(node);
    let onTarget: Judged | null = null;
    let own: Finding[] | null = null;
    for (const rule of scope.targetRules) {
      const hit = rule.checkTarget?.({ vm, node }, context);
      if (!hit) continue;
      onTarget ??= judged();
      own ??= [];
      record(onTarget, rule, scope.finding(own, rule, node.name, vm.name, hit.message));
    }
    if (own) {
      owns ??= new Array(targets.length).fill(null);
      owns[i] = own;
    }
    const result = scope.targetResult(state, node.name, onVm, onTarget);
    // The object the VM had here, when equal: successive states then share whole VMs.
    const before = last?.results[i];
    results[i] = before && sameResult(before, result) ? before : result;
    if (gates || open) {
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
      else if (gates) gates[i] = gateVerdict(state.judged, onVm, onTarget, lifted);
    }
  }
  if (open)
    return unknownChannel(scope, vm, applicability.reason, {
      targets,
      onVm,
      results,
      owns,
      vmFindings,
      open,
    });
  const same = last !== undefined && sameList(last.results, results);
  const verdict = vmVerdict(results);
  const gate = gates ? vmGate(gates) : verdict;
  const result =
    last && same && last.result.gate === gate
      ? last.result
      : vmResult(vm, applicability.reason, verdict, gate, results);
  return {
    targets,
    onVm,
    results: last && same ? last.results : results,
    targetFindings: owns,
    gates,
    result,
    vmFindings: vmFindings ?? NONE,
    channelFindings: NONE,
  };
}

/** A VM of unknown channel: where it would fail, unknown instead, with one activation-unknown finding. */
function unknownChannel(
  scope: VmScope,
  vm: VmRecord,
  reason: string | null,
  judgedVm: {
    targets: readonly NodeRecord[];
    onVm: Judged;
    results: readonly TargetResult[];
    owns: (readonly Finding[] | null)[] | null;
    vmFindings: Finding[] | null;
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
    targets: judgedVm.targets,
    onVm: judgedVm.onVm,
    results,
    targetFindings: judgedVm.owns,
    gates: scope.accept ? gates : null,
    result: vmResult(vm, reason, verdict, gate, results),
    vmFindings: judgedVm.vmFindings ?? NONE,
    channelFindings,
  };
}

/** A VM's findings in report order: its own, then each target's, then what its unknown channel raised. */
export function pushFindings(into: Finding[], state: VmState): void {
  for (const f of state.vmFindings) into.push(f);
  if (state.targetFindings)
    for (const own of state.targetFindings) if (own) for (const f of own) into.push(f);
  for (const f of state.channelFindings) into.push(f);
}
