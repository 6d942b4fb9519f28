// SARIF 2.1.0, the format code-scanning dashboards read: the rule registry with explanations and remedies, and
// a result per node or VM finding (a VM's findings of one rule on several nodes make one result), located in
// the clusters.yaml when the input is one. Levels follow the gate: error fails it, warning makes the run
// incomplete, note is advice; accepted findings carry a SARIF suppression. Capped at GitHub's 25,000 results.
import { findingWeight, type Weight } from '../analyze/gate.js';
import type { Judgement } from '../analyze/judge.js';
import type { Finding } from '../model/report.js';
import { rules } from '../rules/index.js';
import { acceptanceNotes } from './acceptance-notes.js';
import { acceptanceText } from './describe.js';
import { vmRemarks } from './remarks.js';
import { escapeJsonControls, sanitize } from './sanitize.js';
import type { Formatter, Locator } from './types.js';

export const SARIF_MAX_RESULTS = 25_000;
const LEVEL: Record<Weight, 'error' | 'warning' | 'note'> = {
  failure: 'error',
  incomplete: 'warning',
  advice: 'note',
  accepted: 'note',
};
const RANK = { error: 0, warning: 1, note: 2 } as const;
const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));

function driverRules() {
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation.slice(0, 1024) },
    help: { text: rule.remedy, markdown: `${rule.explanation}\n\n**Remedy:** ${rule.remedy}` },
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
  }));
}

function location(where: { file: string; line: number } | null | undefined, logical: string) {
  const logicalLocations = [{ fullyQualifiedName: sanitize(logical, 400), kind: 'resource' }];
  if (!where) return { logicalLocations };
  const uri = encodeURI(where.file.split('\\').join('/'));
  return {
    physicalLocation: { artifactLocation: { uri }, region: { startLine: where.line } },
    logicalLocations,
  };
}

interface Grouped {
  cluster: string;
  first: Finding;
  nodes: string[];
  messages: string[];
  /** What to know about the VM the finding is on (AVMA assumed, stale guest facts). */
  remarks: string[];
}

/** Findings on a VM and a node, grouped by rule and VM; node-wide and VM-wide findings one each. */
function grouped(judgement: Judgement): Grouped[] {
  const groups = new Map<string, Grouped>();
  for (const cluster of judgement.report.clusters) {
    const vms = new Map(cluster.vms.map((vm) => [vm.name, vm]));
    for (const f of cluster.findings) {
      const key =
        f.node !== null && f.vm !== null ? `${cluster.name}\u0000${f.rule}\u0000\u0000${f.vm}` : null;
      const group = key ? groups.get(key) : undefined;
      if (group) {
        group.nodes.push(f.node ?? '');
        if (group.messages.length < 20) group.messages.push(f.message);
        continue;
      }
      const vm = f.vm === null ? undefined : vms.get(f.vm);
      const remarks = vm ? vmRemarks(vm) : [];
      const entry = {
        cluster: cluster.name,
        first: f,
        nodes: f.node ? [f.node] : [],
        messages: [f.message],
        remarks,
      };
      groups.set(key ?? `${groups.size}\u0001`, entry);
    }
  }
  return [...groups.values()];
}

function result(g: Grouped, judgement: Judgement, locate: Locator | null | undefined) {
  const f = g.first;
  const level = LEVEL[findingWeight(f, judgement.gate.options)];
  const byVm = f.node !== null && f.vm !== null;
  const subject = byVm ? `${g.cluster}/${f.vm}` : `${g.cluster}/${f.node ?? f.vm ?? ''}`;
  const more =
    g.nodes.length > g.messages.length ? ` (and ${g.nodes.length - g.messages.length} more nodes)` : '';
  const accepted = f.accepted ?? null;
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? 0,
    level,
    message: {
      text: sanitize(g.messages.join('; ') + more + g.remarks.map((r) => ` (${r})`).join(''), 4000),
    },
    locations: [location(locate?.(g.cluster, byVm ? { vm: f.vm } : { node: f.node, vm: f.vm }), subject)],
    partialFingerprints: {
      'avmaFinding/v1': `${g.cluster}/${f.rule}/${byVm ? '' : (f.node ?? '')}/${f.vm ?? ''}`,
    },
    ...(accepted && {
      suppressions: [{ kind: 'external', justification: sanitize(acceptanceText(accepted), 1000) }],
    }),
  };
}

export const formatSarif: Formatter<Judgement> = function* (judgement, context) {
  const gate = judgement.gate.options;
  const results = grouped(judgement)
    .map((g) => result(g, judgement, context.locate))
    .sort((a, b) => RANK[a.level] - RANK[b.level]);
  for (const f of judgement.findings) {
    const [file, line] = (f.source ?? '').split(/:(?=\d+$)/);
    results.unshift({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? 0,
      level: LEVEL[findingWeight(f, gate)],
      message: { text: sanitize(f.message, 4000) },
      locations: [location(file && line ? { file, line: Number(line) } : null, f.source ?? 'ignore file')],
      partialFingerprints: { 'avmaFinding/v1': `run/${f.rule}/${f.source ?? ''}` },
    });
  }
  const kept = results.slice(0, SARIF_MAX_RESULTS);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'avma-check',
            ...(context.version && { version: context.version, semanticVersion: context.version }),
            rules: driverRules(),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            exitCode: context.exitCode,
            toolExecutionNotifications: [
              ...acceptanceNotes(judgement).map((note) => ({
                level: 'note',
                message: { text: sanitize(note.text, 2000) },
              })),
              ...(results.length > kept.length
                ? [
                    {
                      level: 'warning',
                      message: {
                        text: `${results.length - kept.length} more results are not listed (GitHub accepts 25,000 per run): the JSON report has them all`,
                      },
                    },
                  ]
                : []),
            ],
          },
        ],
        results: kept,
      },
    ],
  };
  yield `${escapeJsonControls(JSON.stringify(log, null, 1))}\n`;
};
