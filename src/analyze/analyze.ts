// analyze(clusters, {now}) -> Report. Pure: no I/O, no clock. Runs every rule over its subjects and rolls up.
// Every verdict is the real one; accepted findings (an ignore file, a baseline) are marked, and only each VM's
// `gate` verdict leaves them out.
import { DEFAULT_EXPIRY_WARNING_DAYS, vmApplicability } from '../domain/policy.js';
import type { ClusterRecord, NodeRecord } from '../model/facts.js';
import type { Acceptance, ClusterResult, Finding, Report, TargetResult, VmResult } from '../model/report.js';
import activationUnknown, { activationUnknownMessage } from '../rules/activation-unknown.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule, RuleContext, Severity } from '../rules/types.js';
import type { Acceptor } from './accept.js';
import { nameKey, nodesWithOwners, targetNodes } from './targets.js';
import { judgeUnknownChannel } from './unknown-channel.js';
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

function* unaccepted(parts: readonly (Judged | null)[], lifted?: (i: number) => boolean): Iterable<Severity> {
  for (const [p, part] of parts.entries()) {
    if (!part) continue;
    for (let i = 0; i < part.ids.length; i++)
      if (!part.accepted[i] && !(p === 0 && lifted?.(i))) yield part.severities[i] as Severity;
  }
}

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

  const vms: VmResult[] = cluster.vms.map((vm) => {
    const applicability = vmApplicability(vm);
    const base = {
      name: vm.name,
      owner: vm.owner,
      state: vm.state,
      activation: vm.activation,
      activationBasis: vm.activationBasis,
      kvp: vm.kvp,
      guest: vm.guest,
      reason: applicability.reason,
    };
    if (!applicability.applies)
      return { ...base, verdict: 'not-applicable', gate: 'not-applicable', targets: [] };
    const targets = targetNodes(vm, nodesByKey, nodes);
    const onVm = judged();
    for (const rule of vmRules) {
      const hit = rule.checkVm?.({ vm, targets }, context);
      if (hit) record(onVm, rule, finding(rule, null, vm.name, hit.message));
    }
    let gates: TargetResult['verdict'][] = [];
    // For a VM whose activation is unknown: each target's open (not accepted) severities.
    const open: Severity[][] | null = vm.activation === 'unknown' ? [] : null;
    let results: TargetResult[] = targets.map((node) => {
      const onNode = byNode.get(node) ?? judged();
      let onTarget: Judged | null = null;
      for (const rule of targetRules) {
        const hit = rule.checkTarget?.({ vm, node }, context);
        if (!hit) continue;
        onTarget ??= judged();
        record(onTarget, rule, finding(rule, node.name, vm.name, hit.message));
      }
      // An ignore entry naming this VM can accept a node-wide finding for it alone.
      const forVm = accept?.forVm;
      const lifted = forVm
        ? (i: number) =>
            forVm({ rule: onNode.ids[i] ?? '', cluster: cluster.name, node: node.name, vm: vm.name }) !== null
        : undefined;
      const parts = [onNode, onVm, onTarget];
      if (open) open.push([...unaccepted(parts, lifted)]);
      else gates.push(targetVerdict(unaccepted(parts, lifted)));
      if (!onTarget && onVm.ids.length === 0) {
        // The common case shares the node's arrays: 8,000 VMs x 64 nodes stay cheap.
        return { node: node.name, verdict: targetVerdict(onNode.severities), rules: onNode.ids };
      }
      const ids = parts.flatMap((part) => part?.ids ?? []);
      const severities = parts.flatMap((part) => part?.severities ?? []);
      return { node: node.name, verdict: targetVerdict(severities), rules: ids };
    });
    if (open) {
      ({ results, gates } = judgeUnknownChannel(results, open, (failing) =>
        finding(activationUnknown, null, vm.name, activationUnknownMessage(vm.name, failing)),
      ));
    }
    const verdict = vmVerdict(results);
    const gate = accept ? vmVerdict(gates.map((v) => ({ verdict: v }))) : verdict;
    return { ...base, verdict, gate, targets: results };
  });

  // Cluster-wide evidence about the VMs that are judged: findings only, no verdict changes.
  const judgedVms = cluster.vms.filter((_vm, i) => vms[i]?.verdict !== 'not-applicable');
  for (const rule of ruleSet) {
    const hit = rule.checkCluster?.({ nodes, vms: judgedVms }, context);
    if (hit) finding(rule, null, null, hit.message);
  }

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
