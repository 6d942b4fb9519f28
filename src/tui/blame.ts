// Which node to fix: a VM fails "because of" a node when its target on that node fails for a reason of the
// node's (host-not-datacenter, host-not-activated) or of the pair's (guest-newer-than-host), not for the VM's
// own (kvp-disabled fails a VM on every node alike). A rule's scope comes from the registry.
import type { ClusterResult, Finding, TargetResult } from '../model/report.js';
import { ruleById } from '../rules/index.js';

const blames = new Map<string, boolean>();

/**
 * An error rule that judges nodes or targets and never the VM alone. A rule that can also hit the VM alone is
 * not counted: from a target's rule ids, its VM-wide hit and its node hit cannot be told apart.
 */
export function blamesNode(ruleId: string): boolean {
  let known = blames.get(ruleId);
  if (known === undefined) {
    const rule = ruleById(ruleId);
    known = rule?.severity === 'error' && !rule.checkVm && Boolean(rule.checkNode || rule.checkTarget);
    blames.set(ruleId, known);
  }
  return known;
}

// Most targets share their node's array of rule ids (analyze.ts): judge each array once.
const judgedRules = new WeakMap<readonly string[], boolean>();

export function failsBecauseOfNode(target: TargetResult, blame = blamesNode): boolean {
  if (target.verdict !== 'fail') return false;
  if (blame !== blamesNode) return target.rules.some(blame);
  let blamed = judgedRules.get(target.rules);
  if (blamed === undefined) {
    blamed = target.rules.some(blame);
    judgedRules.set(target.rules, blamed);
  }
  return blamed;
}

const failing = new WeakMap<ClusterResult, Map<string, number>>();

/**
 * Per node name, how many VMs fail because of it. VMs judged alike share one list of targets (judge-vm.ts):
 * each list is looked at once, and counted for every VM that has it.
 */
export function failingByNode(cluster: ClusterResult, blame = blamesNode): Map<string, number> {
  const known = blame === blamesNode ? failing.get(cluster) : undefined;
  if (known) return known;
  const vmsWith = new Map<readonly TargetResult[], number>();
  for (const vm of cluster.vms) vmsWith.set(vm.targets, (vmsWith.get(vm.targets) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [targets, vms] of vmsWith)
    for (const target of targets)
      if (failsBecauseOfNode(target, blame)) counts.set(target.node, (counts.get(target.node) ?? 0) + vms);
  if (blame === blamesNode) failing.set(cluster, counts);
  return counts;
}

export interface FailingOnNode {
  /** VMs that fail because of the node. */
  readonly because: readonly string[];
  /** VMs that fail there for their own reasons only, with those rule ids. */
  readonly own: readonly { readonly vm: string; readonly rules: readonly string[] }[];
}

export function failingOn(cluster: ClusterResult, node: string, blame = blamesNode): FailingOnNode {
  const because: string[] = [];
  const own: { vm: string; rules: readonly string[] }[] = [];
  for (const vm of cluster.vms) {
    const target = vm.targets.find((t) => t.node === node);
    if (target?.verdict !== 'fail') continue;
    if (failsBecauseOfNode(target, blame)) because.push(vm.name);
    else own.push({ vm: vm.name, rules: target.rules });
  }
  return { because, own };
}

const SEVERITY_ORDER = { error: 0, unknown: 1, warning: 2 } as const;

/**
 * Per node name, its own findings (about the node, not a VM), errors first. A cluster's findings list its
 * nodes' before any VM's (findingsInReportOrder): the first VM finding ends the search, instead of reading tens
 * of thousands after each what-if.
 */
export function nodeFindings(cluster: ClusterResult): Map<string, Finding[]> {
  const byNode = new Map<string, Finding[]>();
  for (const finding of cluster.findings) {
    if (finding.vm !== null) break;
    if (finding.node === null) continue;
    const list = byNode.get(finding.node) ?? [];
    list.push(finding);
    byNode.set(finding.node, list);
  }
  for (const list of byNode.values())
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return byNode;
}
