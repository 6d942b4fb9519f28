// analyze(clusters, {now}) -> Report. Pure: no I/O, no clock. Runs every rule over its subjects and rolls up.
// Every verdict is the real one; accepted findings (an ignore file, a baseline) are marked, and only each VM's
// `gate` verdict leaves them out.
import { DEFAULT_EXPIRY_WARNING_DAYS, vmApplicability } from '../domain/policy.js';
import type { ClusterRecord, NodeRecord } from '../model/facts.js';
import type {
  Acceptance,
  ClusterResult,
  Finding,
  Report,
  TargetResult,
  TargetVerdict,
  VmResult,
  VmVerdict,
} from '../model/report.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule, RuleContext, Severity } from '../rules/types.js';
import type { Acceptor } from './accept.js';
import { nameKey, nodesWithOwners, targetNodes } from './targets.js';
import {
  clusterVerdict,
  countVerdicts,
  emptyCounts,
  targetVerdict,
  vmVerdict,
  worstVerdict,
} from './verdicts.js';

export interface AnalyzeOptions {
  readonly now: Date;
  readonly expiryWarningDays?: number;
  /** Rules to run; every rule by default. */
  readonly rules?: readonly Rule[];
  /** Findings to mark as accepted and leave out of the gate. */
  readonly accept?: Acceptor | undefined;
}

/** The error and unknown rules that hit one subject; `accepted[i]` says whether entry i is accepted. */
interface Judged {
  ids: string[];
  severities: Severity[];
  accepted: boolean[];
}

const judged = (): Judged => ({ ids: [], severities: [], accepted: [] });

/** Error and unknown hits decide verdicts; warnings are findings only. */
function record(into: Judged, rule: Rule, accepted: boolean): void {
  if (rule.severity === 'warning') return;
  into.ids.push(rule.id);
  into.severities.push(rule.severity);
  into.accepted.push(accepted);
}

const NOTHING: Judged = judged();

/** The target's verdict with accepted findings left out; `lifted(i)` accepts the node's entry i for this VM. */
function gateVerdict(
  onNode: Judged,
  onVm: Judged,
  onTarget: Judged | null,
  lifted: ((i: number) => boolean) | undefined,
): TargetVerdict {
  let verdict: TargetVerdict = 'ok';
  for (const [p, part] of [onNode, onVm, onTarget].entries()) {
    if (!part) continue;
    for (let i = 0; i < part.ids.length; i++) {
      if (part.accepted[i] || (p === 0 && lifted?.(i))) continue;
      if (part.severities[i] === 'error') return 'fail';
      verdict = 'unknown';
    }
  }
  return verdict;
}

/** The VM verdict of its targets' verdicts (vmVerdict, for verdicts not yet in TargetResults). */
function vmVerdictOf(worst: TargetVerdict, targets: number): VmVerdict {
  if (targets === 0 || worst === 'fail') return 'at-risk';
  return worst === 'unknown' ? 'unknown' : 'safe';
}

const worse = (a: TargetVerdict, b: TargetVerdict): TargetVerdict =>
  a === 'fail' || b === 'fail' ? 'fail' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'ok';

function analyzeCluster(
  cluster: ClusterRecord,
  options: AnalyzeOptions,
  ruleSet: readonly Rule[],
): ClusterResult {
  const context: RuleContext = {
    now: options.now,
    expiryWarningDays: options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
    cluster,
  };
  const accept = options.accept;
  const findings: Finding[] = [];
  const nodeRules = ruleSet.filter((rule) => rule.checkNode);
  const vmRules = ruleSet.filter((rule) => rule.checkVm);
  const targetRules = ruleSet.filter((rule) => rule.checkTarget);
  // Reports the finding; returns whether it is accepted.
  const finding = (rule: Rule, node: string | null, vm: string | null, message: string): boolean => {
    const acceptance: Acceptance | null = accept
      ? accept.finding({ rule: rule.id, cluster: cluster.name, node, vm })
      : null;
    const base = { rule: rule.id, severity: rule.severity, cluster: cluster.name, node, vm, message };
    findings.push(acceptance ? { ...base, accepted: acceptance } : base);
    return acceptance !== null;
  };

  const nodes = nodesWithOwners(cluster);
  const nodesByKey = new Map<string, NodeRecord>(nodes.map((node) => [nameKey(node.name), node]));
  const byNode = new Map<NodeRecord, Judged>();
  for (const node of nodes) {
    const onNode = judged();
    for (const rule of nodeRules) {
      const hit = rule.checkNode?.(node, context);
      if (hit) record(onNode, rule, finding(rule, node.name, null, hit.message));
    }
    byNode.set(node, onNode);
  }

  // A target's result follows from its node and the ids of the VM and pair rules that hit: VMs that get the
  // same on a node share one object, so 8,000 VMs x 64 nodes allocate a few hundred targets, not 512,000.
  const shared = new Map<NodeRecord, Map<string, TargetResult>>();
  const targetResult = (node: NodeRecord, onNode: Judged, onVm: Judged, onTarget: Judged | null) => {
    const ids = onTarget ? [...onVm.ids, ...onTarget.ids] : onVm.ids;
    const key = ids.length === 1 ? (ids[0] as string) : ids.join(' ');
    let byExtra = shared.get(node);
    if (!byExtra) {
      byExtra = new Map();
      shared.set(node, byExtra);
    }
    let result = byExtra.get(key);
    if (!result) {
      const severities = [...onNode.severities, ...onVm.severities, ...(onTarget?.severities ?? [])];
      const rules = ids.length === 0 ? onNode.ids : [...onNode.ids, ...ids];
      result = { node: node.name, verdict: targetVerdict(severities), rules };
      byExtra.set(key, result);
    }
    return result;
  };

  const vms: VmResult[] = cluster.vms.map((vm) => {
    const base = { name: vm.name, owner: vm.owner, activation: vm.activation, kvp: vm.kvp, guest: vm.guest };
    if (vmApplicability(vm) === 'not-applicable')
      return { ...base, verdict: 'not-applicable', gate: 'not-applicable', targets: [] };
    const targets = targetNodes(vm, nodesByKey, nodes);
    const onVm = judged();
    for (const rule of vmRules) {
      const hit = rule.checkVm?.({ vm, targets }, context);
      if (hit) record(onVm, rule, finding(rule, null, vm.name, hit.message));
    }
    const forVm = accept?.forVm;
    let gateWorst: TargetVerdict = 'ok';
    const results: TargetResult[] = new Array(targets.length);
    for (let t = 0; t < targets.length; t++) {
      const node = targets[t] as NodeRecord;
      const onNode = byNode.get(node) ?? NOTHING;
      let onTarget: Judged | null = null;
      for (const rule of targetRules) {
        const hit = rule.checkTarget?.({ vm, node }, context);
        if (!hit) continue;
        onTarget ??= judged();
        record(onTarget, rule, finding(rule, node.name, vm.name, hit.message));
      }
      results[t] = targetResult(node, onNode, onVm, onTarget);
      if (accept) {
        // An ignore entry naming this VM can accept a node-wide finding for it alone.
        const lifted = forVm
          ? (i: number) =>
              forVm({ rule: onNode.ids[i] ?? '', cluster: cluster.name, node: node.name, vm: vm.name }) !==
              null
          : undefined;
        gateWorst = worse(gateWorst, gateVerdict(onNode, onVm, onTarget, lifted));
      }
    }
    const verdict = vmVerdict(results);
    const gate = accept ? vmVerdictOf(gateWorst, targets.length) : verdict;
    return { ...base, verdict, gate, targets: results };
  });

  const counts = countVerdicts(vms);
  const anyNodeUnread = nodes.some((node) => node.error !== null);
  return {
    name: cluster.name,
    verdict: clusterVerdict(counts, anyNodeUnread),
    nodes,
    vms,
    findings,
  };
}

export function analyze(clusters: readonly ClusterRecord[], options: AnalyzeOptions): Report {
  const ruleSet = options.rules ?? allRules;
  const results = clusters.map((cluster) => analyzeCluster(cluster, options, ruleSet));
  const counts = emptyCounts();
  for (const cluster of results) countVerdicts(cluster.vms, counts);
  return {
    verdict: worstVerdict(results.map((cluster) => cluster.verdict)),
    generatedAt: options.now.toISOString(),
    counts,
    clusters: results,
  };
}
