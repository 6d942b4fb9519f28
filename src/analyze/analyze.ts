// analyze(clusters, {now}) -> Report. Pure: no I/O, no clock. Runs every rule over its subjects and rolls up.
import { DEFAULT_EXPIRY_WARNING_DAYS, vmApplicability } from '../domain/policy.js';
import type { ClusterRecord, NodeRecord } from '../model/facts.js';
import type { ClusterResult, Finding, Report, TargetResult, VmResult } from '../model/report.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule, RuleContext, Severity } from '../rules/types.js';
import { findSuppression, type Suppression } from './suppress.js';
import { targetNodes } from './targets.js';
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
  /** Findings to report as suppressed, without letting them decide verdicts. */
  readonly suppressions?: readonly Suppression[];
}

interface Judged {
  ids: string[];
  severities: Severity[];
}

function judged(): Judged {
  return { ids: [], severities: [] };
}

/** Error and unknown hits decide verdicts; warnings are findings only. */
function record(into: Judged, rule: Rule): void {
  if (rule.severity === 'warning') return;
  into.ids.push(rule.id);
  into.severities.push(rule.severity);
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
  const findings: Finding[] = [];
  const nodeRules = ruleSet.filter((rule) => rule.checkNode);
  const vmRules = ruleSet.filter((rule) => rule.checkVm);
  const targetRules = ruleSet.filter((rule) => rule.checkTarget);
  const suppressions = options.suppressions ?? [];
  // Returns whether the finding counts (is not suppressed).
  const finding = (rule: Rule, node: string | null, vm: string | null, message: string): boolean => {
    const suppression =
      suppressions.length > 0
        ? findSuppression(suppressions, { rule: rule.id, cluster: cluster.name, node, vm }, options.now)
        : null;
    const base = { rule: rule.id, severity: rule.severity, cluster: cluster.name, node, vm, message };
    findings.push(
      suppression
        ? { ...base, suppressed: { reason: suppression.reason, expires: suppression.expires ?? null } }
        : base,
    );
    return suppression === null;
  };
  // A suppression that names a VM can lift a node-wide failure for that VM only.
  const perVm = suppressions.filter((s) => s.vm !== undefined);
  const liftedFor = (ids: readonly string[], node: string, vm: string) =>
    perVm.length === 0
      ? null
      : ids.filter((id) =>
          findSuppression(perVm, { rule: id, cluster: cluster.name, node, vm }, options.now),
        );

  const nodesByName = new Map<string, NodeRecord>(cluster.nodes.map((node) => [node.name, node]));
  const byNode = new Map<string, Judged>();
  for (const node of cluster.nodes) {
    const onNode = judged();
    for (const rule of nodeRules) {
      const hit = rule.checkNode?.(node, context);
      if (!hit) continue;
      if (finding(rule, node.name, null, hit.message)) record(onNode, rule);
    }
    byNode.set(node.name, onNode);
  }

  const vms: VmResult[] = cluster.vms.map((vm) => {
    const base = { name: vm.name, owner: vm.owner, activation: vm.activation, kvp: vm.kvp, guest: vm.guest };
    if (vmApplicability(vm) === 'not-applicable') return { ...base, verdict: 'not-applicable', targets: [] };
    const targets = targetNodes(vm, nodesByName, cluster);
    const onVm = judged();
    for (const rule of vmRules) {
      const hit = rule.checkVm?.({ vm, targets }, context);
      if (!hit) continue;
      if (finding(rule, null, vm.name, hit.message)) record(onVm, rule);
    }
    const results: TargetResult[] = targets.map((node) => {
      const onNode = byNode.get(node.name) ?? judged();
      let onTarget: Judged | null = null;
      for (const rule of targetRules) {
        const hit = rule.checkTarget?.({ vm, node }, context);
        if (!hit || !finding(rule, node.name, vm.name, hit.message)) continue;
        onTarget ??= judged();
        record(onTarget, rule);
      }
      const lifted = liftedFor(onNode.ids, node.name, vm.name);
      if (lifted && lifted.length > 0) {
        const kept = onNode.ids
          .map((id, i) => [id, onNode.severities[i]] as const)
          .filter(([id]) => !lifted.includes(id));
        const ids = [...kept.map(([id]) => id), ...onVm.ids, ...(onTarget?.ids ?? [])];
        const severities = [
          ...kept.map(([, s]) => s as Severity),
          ...onVm.severities,
          ...(onTarget?.severities ?? []),
        ];
        return { node: node.name, verdict: targetVerdict(severities), rules: ids };
      }
      if (!onTarget && onVm.ids.length === 0) {
        // The common case shares the node's arrays: 8,000 VMs x 64 nodes stay cheap.
        return { node: node.name, verdict: targetVerdict(onNode.severities), rules: onNode.ids };
      }
      const ids = [...onNode.ids, ...onVm.ids, ...(onTarget?.ids ?? [])];
      const severities = [...onNode.severities, ...onVm.severities, ...(onTarget?.severities ?? [])];
      return { node: node.name, verdict: targetVerdict(severities), rules: ids };
    });
    return { ...base, verdict: vmVerdict(results), targets: results };
  });

  const counts = countVerdicts(vms);
  const anyNodeUnread = cluster.nodes.some((node) => node.error !== null);
  return {
    name: cluster.name,
    verdict: clusterVerdict(counts, anyNodeUnread),
    nodes: cluster.nodes,
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
