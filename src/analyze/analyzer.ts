// Analysis that remembers what it judged, so that asking again after a change to a few nodes (a what-if in the
// terminal UI, a plan step, an order of upgrades) judges again only what those nodes can affect. A node's
// findings follow from its record; a VM's from its record and the records of the nodes it can land on: rules
// read nothing else (test/rules/registry.test.ts checks that none reads the cluster). Records are known by
// identity, and applyChanges replaces only the nodes a change touches. Pure.
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/policy.js';
import type { ClusterRecord, NodeRecord } from '../model/facts.js';
import type { ClusterResult, Finding, Report } from '../model/report.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/types.js';
import {
  type ClusterCache,
  findingsInReportOrder,
  type JudgedVms,
  type NodeState,
  nodesChanged,
  sameList,
  type TargetsJudged,
  type VmState,
} from './analysis-state.js';
import type { AnalyzeOptions } from './analyze.js';
import { judgeVm, type VmScope } from './judge-vm.js';
import { type Judged, judged, record } from './judged.js';
import { nameKey, nodesWithOwners, targetNodes, unreadOwner } from './targets.js';
import { clusterVerdict, countVerdicts, emptyCounts, targetVerdict, worstVerdict } from './verdicts.js';

// A VM record's possible owners as one key, worked out once: a plan asks for each VM at each step.
const ownerKeys = new WeakMap<readonly string[], string>();

function ownersKey(owners: readonly string[]): string {
  let key = ownerKeys.get(owners);
  if (key === undefined) {
    key = owners.map(nameKey).join('\u0000');
    ownerKeys.set(owners, key);
  }
  return key;
}

export interface Analyzer {
  analyze(clusters: readonly ClusterRecord[]): Report;
}

/**
 * An analyzer. It remembers what it judged unless told not to: for one analysis, remembering costs more (about
 * 40% on the largest cluster, in garbage collection) than it can save.
 */
export function createAnalyzer(options: AnalyzeOptions, remember = true): Analyzer {
  const ruleSet = options.rules ?? allRules;
  const nodeRules = ruleSet.filter((rule) => rule.checkNode);
  const vmRules = ruleSet.filter((rule) => rule.checkVm);
  const targetRules = ruleSet.filter((rule) => rule.checkTarget);
  const clusterRules = ruleSet.filter((rule) => rule.checkCluster);
  const accept = options.accept;
  const caches = new Map<string, ClusterCache>();

  function analyzeCluster(cluster: ClusterRecord): ClusterResult {
    let cache = caches.get(cluster.name);
    if (!cache) {
      cache = { nodes: new WeakMap(), judgedVms: [], results: [], unread: new Map() };
      caches.set(cluster.name, cache);
    }
    const known = cache.results.find((r) => r.record === cluster)?.result;
    if (known) return known;
    const { nodes: nodeCache, unread } = cache;
    const context: RuleContext = {
      now: options.now,
      expiryWarningDays: options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
      cluster,
    };
    // Records the finding in `into`; returns whether it is accepted.
    const finding = (
      into: Finding[],
      rule: Rule,
      node: string | null,
      vm: string | null,
      message: string,
    ) => {
      const base = { rule: rule.id, severity: rule.severity, cluster: cluster.name, node, vm, message };
      if (!accept) {
        into.push(base);
        return false;
      }
      const subject = { rule: rule.id, cluster: cluster.name, node, vm };
      const acceptance = accept.finding(subject);
      into.push(acceptance ? { ...base, accepted: acceptance } : base);
      // Shown as accepted, but weighed per VM (forVm): only the VMs the baseline saw failing there pass.
      if (acceptance && vm === null && accept.nodeWideByVm?.(subject)) return false;
      return acceptance !== null;
    };

    const nodeState = (node: NodeRecord): NodeState => {
      const had = nodeCache.get(node);
      if (had) return had;
      const onNode = judged();
      const findings: Finding[] = [];
      for (const rule of nodeRules) {
        const hit = rule.checkNode?.(node, context);
        if (hit) record(onNode, rule, finding(findings, rule, node.name, null, hit.message));
      }
      const alone = { node: node.name, verdict: targetVerdict(onNode.severities), rules: onNode.ids };
      const state = { judged: onNode, findings, alone, results: new Map() };
      if (remember) nodeCache.set(node, state);
      return state;
    };

    const targetResult = (node: NodeState, name: string, onVm: Judged, onTarget: Judged | null) => {
      if (!onTarget && onVm.ids.length === 0) return node.alone;
      const ids = onTarget ? [...onVm.ids, ...onTarget.ids] : onVm.ids;
      const key = ids.length === 1 ? (ids[0] as string) : ids.join(' ');
      let result = node.results.get(key);
      if (!result) {
        const severities = [...node.judged.severities, ...onVm.severities, ...(onTarget?.severities ?? [])];
        result = { node: name, verdict: targetVerdict(severities), rules: [...node.judged.ids, ...ids] };
        node.results.set(key, result);
      }
      return result;
    };

    const nodes = nodesWithOwners(cluster, (name, vm) => {
      const key = `${nameKey(name)}\u0000${vm}`;
      let record = unread.get(key);
      if (!record) {
        record = unreadOwner(name, vm);
        unread.set(key, record);
      }
      return record;
    });
    const nodesByKey = new Map<string, NodeRecord>(nodes.map((node) => [nameKey(node.name), node]));
    const everyNode = nodes.filter((node) => !node.drained);
    const ownerTargets = new Map<string, NodeRecord[]>();
    const shared = new Map<readonly NodeRecord[], Map<string, TargetsJudged>>();
    const transitions = new Map<
      TargetsJudged,
      { targets: readonly NodeRecord[]; alike: Map<string, TargetsJudged> }
    >();
    const states = new Map<NodeRecord, NodeState>();
    for (const node of nodes) states.set(node, nodeState(node));

    const scope: VmScope = {
      cluster: cluster.name,
      context,
      vmRules,
      targetRules,
      accept,
      // VMs with no possible owners (most, on a real cluster) share one list, and VMs with the same owners
      // another: no array per VM and step.
      targetsOf: (vm) => {
        if (vm.possibleOwners.length === 0) return everyNode;
        const key = ownersKey(vm.possibleOwners);
        let targets = ownerTargets.get(key);
        if (!targets) {
          targets = targetNodes(vm, nodesByKey, nodes);
          ownerTargets.set(key, targets);
        }
        return targets;
      },
      nodeState: (node) => states.get(node) ?? nodeState(node),
      shared: (targets) => {
        let byHits = shared.get(targets);
        if (!byHits) {
          byHits = new Map();
          shared.set(targets, byHits);
        }
        return byHits;
      },
      rememberHits: remember,
      transitions: (from, targets) => {
        if (!remember) return null;
        let after = transitions.get(from);
        if (!after) {
          after = { targets, alike: new Map() };
          transitions.set(from, after);
        }
        // VMs that shared `from` had the same targets before; a VM whose targets now differ judges alone.
        return after.targets === targets ? after.alike : null;
      },
      targetResult,
      finding,
    };
    // A what-if changes nodes, never VMs: the same list of VM records, judged last time position by position.
    // Judged again from the remembered analysis closest to this one: a plan's previous step, or the clusters as
    // they are for a what-if made after a reset (one node away, where the last what-if is two).
    let base: JudgedVms | null = null;
    for (const judgedVms of cache.judgedVms)
      if (
        judgedVms.list === cluster.vms &&
        (!base || nodesChanged(judgedVms.nodes, nodes) < nodesChanged(base.nodes, nodes))
      )
        base = judgedVms;
    const lastStates = base?.states ?? null;
    const vmStates: VmState[] = new Array(cluster.vms.length);
    const vms = cluster.vms.map((vm, i) => {
      const state = judgeVm(scope, vm, lastStates?.[i]);
      vmStates[i] = state;
      return state.result;
    });
    const findings = findingsInReportOrder([...states.values()], vmStates);
    if (remember) {
      // The first and the last.
      if (cache.judgedVms.length === 2) cache.judgedVms.pop();
      cache.judgedVms.push({ nodes, list: cluster.vms, states: vmStates });
    }
    // Cluster-wide evidence about the VMs that are judged: findings only, no verdict changes.
    // A cluster-wide fact missing (a node that could not list its VMs, inventory-unread) may hide a VM at risk.
    let clusterFactsMissing = false;
    if (clusterRules.length > 0) {
      const judgedVms = cluster.vms.filter((_vm, i) => vms[i]?.verdict !== 'not-applicable');
      for (const rule of clusterRules) {
        const hit = rule.checkCluster?.({ nodes, vms: judgedVms }, context);
        if (!hit) continue;
        finding(findings, rule, null, null, hit.message);
        if (rule.severity === 'unknown') clusterFactsMissing = true;
      }
    }
    const counts = countVerdicts(vms);
    const anyNodeUnread = clusterFactsMissing || nodes.some((node) => node.error !== null);
    const result = {
      name: cluster.name,
      verdict: clusterVerdict(counts, anyNodeUnread),
      nodes,
      vms,
      findings,
    };
    // The first (the clusters as they are) and the last three: a plan's many steps are not all kept.
    if (remember) {
      cache.results.push({ record: cluster, result });
      if (cache.results.length > 2) cache.results.splice(1, 1);
    }
    return result;
  }

  // The last few reports: the same clusters again (a what-if reset) get the same report.
  const recent: Report[] = [];
  return {
    analyze(clusters) {
      const results = clusters.map(analyzeCluster);
      const known = recent.find((report) => sameList(report.clusters, results));
      if (known) return known;
      const counts = emptyCounts();
      for (const cluster of results) countVerdicts(cluster.vms, counts);
      const report = {
        verdict: worstVerdict(results.map((cluster) => cluster.verdict)),
        generatedAt: options.now.toISOString(),
        counts,
        clusters: results,
      };
      if (remember) {
        recent.push(report);
        if (recent.length > 2) recent.shift();
      }
      return report;
    },
  };
}
