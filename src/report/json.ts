// The versioned JSON report (documented in the README; schema/report.schema.json describes it).
import type { NodeRecord } from '../model/facts.js';
import type { Report, VmResult } from '../model/report.js';
import { escapeJsonControls } from './sanitize.js';
import type { Formatter } from './types.js';

export const REPORT_SCHEMA_VERSION = 1;

function nodeJson(node: NodeRecord) {
  const facts = node.facts;
  return {
    name: node.name,
    host: node.host,
    source: node.source,
    state: facts?.state ?? null,
    release: facts?.release ?? null,
    build: facts?.build ?? null,
    edition: facts?.edition ?? null,
    editionId: facts?.editionId ?? null,
    activated: facts?.activated ?? null,
    licenseState: facts?.licenseState ?? null,
    activationExpires: facts?.activationExpires ?? null,
    hyperV: facts?.hyperV ?? null,
    azureLocalAvma: facts?.azureLocalAvma ?? null,
    error: node.error,
    probeErrors: node.probeErrors,
  };
}

function vmJson(vm: VmResult) {
  const guest = vm.guest && {
    family: vm.guest.family,
    release: vm.guest.release,
    edition: vm.guest.edition,
    build: vm.guest.build,
    os: vm.guest.name,
  };
  return {
    name: vm.name,
    owner: vm.owner,
    activation: vm.activation,
    kvp: vm.kvp,
    guest,
    verdict: vm.verdict,
    targets: vm.targets,
  };
}

export function reportJson(report: Report) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: report.generatedAt,
    verdict: report.verdict,
    counts: report.counts,
    clusters: report.clusters.map((cluster) => ({
      name: cluster.name,
      verdict: cluster.verdict,
      nodes: cluster.nodes.map(nodeJson),
      vms: cluster.vms.map(vmJson),
      findings: cluster.findings.map(({ rule, severity, node, vm, message, suppressed }) => ({
        rule,
        severity,
        ...(node !== null && { node }),
        ...(vm !== null && { vm }),
        message,
        ...(suppressed && { suppressed }),
      })),
    })),
  };
}

export const formatJson: Formatter = (report) =>
  `${escapeJsonControls(JSON.stringify(reportJson(report), null, 2))}\n`;
