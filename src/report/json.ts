// The versioned JSON report (README, "JSON report"; schema/report.schema.json). Streamed: one line per node, VM
// and finding, so the largest fleets never become one string. A VM's ok targets are a list of node names; its
// failing and unknown targets are grouped by the rules behind them.
import type { Judgement } from '../analyze/judge.js';
import type { NodeRecord } from '../model/facts.js';
import {
  type ClusterResult,
  type Finding,
  REPORT_SCHEMA_VERSION,
  type TargetResult,
  type VmResult,
} from '../model/report.js';
import { gateReasons } from './gate-text.js';
import { escapeJsonControls } from './sanitize.js';
import type { FormatContext, Formatter } from './types.js';

export const REPORT_KIND = 'avma-check-report';

const json = (value: unknown) => escapeJsonControls(JSON.stringify(value));

export function nodeJson(node: NodeRecord) {
  const facts = node.facts;
  return {
    name: node.name,
    host: node.host,
    source: node.source,
    state: facts?.state ?? null,
    drainStatus: facts?.drainStatus ?? null,
    drained: node.drained === true,
    release: facts?.release ?? null,
    build: facts?.build ?? null,
    edition: facts?.edition ?? null,
    editionId: facts?.editionId ?? null,
    activated: facts?.activated ?? null,
    licenseState: facts?.licenseState ?? null,
    onlyAddOnLicenses: facts?.onlyAddOnLicenses ?? false,
    activationExpires: facts?.activationExpires ?? null,
    hyperV: facts?.hyperV ?? null,
    avmaRequests30d: facts?.avmaRequests30d ?? null,
    azureLocalAvma: facts?.azureLocalAvma ?? null,
    error: node.error,
    probeErrors: node.probeErrors,
  };
}

type TargetGroup = { rules: readonly string[]; nodes: string[] };

/** Failing (or unknown) targets grouped by the rules behind them: most share one list across many nodes. */
function grouped(into: TargetGroup[], target: TargetResult): void {
  const same = into.find(
    (group) =>
      group.rules === target.rules ||
      (group.rules.length === target.rules.length &&
        group.rules.every((rule, i) => rule === target.rules[i])),
  );
  if (same) same.nodes.push(target.node);
  else into.push({ rules: target.rules, nodes: [target.node] });
}

function targetsJson(targets: readonly TargetResult[]) {
  const ok: string[] = [];
  const fail: TargetGroup[] = [];
  const unknown: TargetGroup[] = [];
  for (const t of targets) {
    if (t.verdict === 'ok') ok.push(t.node);
    else grouped(t.verdict === 'fail' ? fail : unknown, t);
  }
  return { ok, fail, unknown };
}

export function vmJson(vm: VmResult) {
  const guest = vm.guest && {
    family: vm.guest.family,
    release: vm.guest.release,
    edition: vm.guest.edition,
    build: vm.guest.build,
    os: vm.guest.name,
    stale: vm.guest.stale,
  };
  return {
    name: vm.name,
    owner: vm.owner,
    state: vm.state,
    activation: vm.activation,
    activationBasis: vm.activationBasis,
    kvp: vm.kvp,
    guest,
    verdict: vm.verdict,
    reason: vm.reason,
    gate: vm.gate,
    targets: targetsJson(vm.targets),
  };
}

export function findingJson(finding: Finding, baselineApplied: boolean) {
  const { rule, severity, node, vm, message, accepted } = finding;
  return {
    rule,
    severity,
    ...(node !== null && { node }),
    ...(vm !== null && { vm }),
    message,
    ...(accepted && { accepted }),
    ...(baselineApplied && { new: accepted?.by !== 'baseline' }),
  };
}

function* list<T>(items: readonly T[], indent: string, line: (item: T) => string): Iterable<string> {
  if (items.length === 0) return yield '[]';
  yield '[\n';
  for (let i = 0; i < items.length; i++)
    yield `${indent}  ${line(items[i] as T)}${i < items.length - 1 ? ',' : ''}\n`;
  yield `${indent}]`;
}

function* clusterJson(cluster: ClusterResult, baselineApplied: boolean): Iterable<string> {
  yield `    {\n      "name": ${json(cluster.name)},\n      "verdict": ${json(cluster.verdict)},\n      "nodes": `;
  yield* list(cluster.nodes, '      ', (node) => json(nodeJson(node)));
  yield ',\n      "vms": ';
  yield* list(cluster.vms, '      ', (vm) => json(vmJson(vm)));
  yield ',\n      "findings": ';
  yield* list(cluster.findings, '      ', (f) => json(findingJson(f, baselineApplied)));
  yield '\n    }';
}

/** The run-level part of the report: verdict, gate, ignore file, baseline and run findings. */
export function judgementHeader(judgement: Judgement, context: Pick<FormatContext, 'exitCode'>) {
  const { report, gate } = judgement;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: REPORT_KIND,
    generatedAt: report.generatedAt,
    verdict: gate.verdict,
    exitCode: context.exitCode,
    gate: {
      failOn: gate.options.failOn,
      unknown: gate.options.unknown,
      reasons: gateReasons(gate),
      atRisk: gate.atRisk,
      unknownVms: gate.unknown,
      unreadNodes: gate.unreadNodes,
      unreadInventories: gate.unreadInventories,
      warnings: gate.warnings,
      acceptedAtRisk: gate.acceptedAtRisk,
      acceptedFindings: gate.acceptedFindings,
    },
    counts: report.counts,
    ignoreFile: judgement.ignore && {
      file: judgement.ignore.file,
      entries: judgement.ignore.entries,
      suppressed: judgement.ignore.suppressed,
      wholeRule: judgement.ignore.wholeRule.map((s) => ({ rule: s.rule, source: s.source ?? null })),
    },
    baseline: judgement.baseline,
    findings: judgement.findings,
  };
}

export const formatJson: Formatter<Judgement> = function* (judgement, context) {
  const header = judgementHeader(judgement, context);
  const head = escapeJsonControls(JSON.stringify(header, null, 2));
  yield `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "clusters": [\n`;
  const clusters = judgement.report.clusters;
  for (let i = 0; i < clusters.length; i++) {
    yield* clusterJson(clusters[i] as ClusterResult, judgement.baseline !== null);
    yield i < clusters.length - 1 ? ',\n' : '\n';
  }
  yield '  ]\n}\n';
};
