// JUnit XML as the Jenkins schemas accept it (test/fixtures/junit: <skipped> without attributes, children in
// order, times with at most 3 decimals). One testsuite per cluster with a testcase per node and per VM; a
// failure is what fails the gate, an error what makes the run incomplete, skipped what the gate lets pass.
import { findingWeight, type GateOptions, vmWeight } from '../analyze/gate.js';
import type { Judgement, RunFinding } from '../analyze/judge.js';
import type { NodeRecord } from '../model/facts.js';
import type { ClusterResult, Finding, VmResult } from '../model/report.js';
import { acceptanceNotes } from './acceptance-notes.js';
import { acceptanceText, guestText } from './describe.js';
import { avmaRequestsText, nodeStateText, vmRemarks } from './remarks.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter, Timings } from './types.js';
import { xmlLines, xmlText } from './xml.js';

export interface Testcase {
  classname: string;
  name: string;
  ms: number;
  skipped?: string;
  error?: { message: string; type: string; text: string };
  failure?: { message: string; type: string; text: string };
  out?: string;
}

export const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function caseXml(c: Testcase): string {
  const open = `    <testcase classname="${xmlText(c.classname)}" name="${xmlText(c.name)}" time="${seconds(c.ms)}"`;
  const body: string[] = [];
  if (c.skipped !== undefined) body.push(`      <skipped>${xmlLines(c.skipped, 2000)}</skipped>`);
  for (const [tag, part] of [['error', c.error] as const, ['failure', c.failure] as const]) {
    if (part)
      body.push(
        `      <${tag} message="${xmlText(part.message, 500)}" type="${xmlText(part.type)}">${xmlLines(part.text)}</${tag}>`,
      );
  }
  if (c.out) body.push(`      <system-out>${xmlLines(c.out)}</system-out>`);
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
}

export interface Suite {
  name: string;
  ms: number;
  cases: Testcase[];
}

function suiteCounts(cases: readonly Testcase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  };
}

/** The document: the Jenkins schemas allow only name, tests, failures, errors and time on <testsuites>. */
export function* junitDocument(
  suites: readonly Suite[],
  totalMs: number,
  timestamp: string,
): Iterable<string> {
  const all = suites.flatMap((s) => s.cases);
  const total = suiteCounts(all);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="avma-check" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${seconds(totalMs)}">\n`;
  for (const suite of suites) {
    const n = suiteCounts(suite.cases);
    yield `  <testsuite name="${xmlText(suite.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="${seconds(suite.ms)}" timestamp="${timestamp}">\n`;
    for (const c of suite.cases) yield `${caseXml(c)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

function lines(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.message} [${f.rule}]`).join('\n');
}

function nodeCase(cluster: ClusterResult, node: NodeRecord, gate: GateOptions, classname: string): Testcase {
  const own = cluster.findings.filter((f) => f.node === node.name && f.vm === null);
  const c: Testcase = { classname, name: `node ${node.name}`, ms: 0 };
  const unread = own.find((f) => f.rule === 'node-unreachable');
  if (unread) {
    const weight = findingWeight(unread, gate);
    const text = `${unread.message}${node.error?.hint ? `\nhint: ${node.error.hint}` : ''}`;
    if (weight === 'incomplete') c.error = { message: 'could not be read', type: 'node-unreachable', text };
    else c.skipped = unread.accepted ? `accepted, ${acceptanceText(unread.accepted)}: ${text}` : text;
  }
  const failing = own.filter((f) => f.severity === 'warning' && findingWeight(f, gate) === 'failure');
  if (failing.length > 0)
    c.failure = {
      message: `${failing.length} warning(s) (--fail-on warning)`,
      type: 'warning',
      text: lines(failing),
    };
  const rest = own.filter((f) => f !== unread && !failing.includes(f));
  const facts = node.facts;
  const about = facts
    ? [nodeStateText(facts, node.drained), avmaRequestsText(facts)].filter((t): t is string => Boolean(t))
    : [];
  if (rest.length > 0 || about.length > 0) c.out = [lines(rest), ...about].filter(Boolean).join('\n');
  return c;
}

function vmCase(
  vm: VmResult,
  cluster: ClusterResult,
  reasons: ReturnType<typeof reasonIndex>,
  gate: GateOptions,
  classname: string,
): Testcase {
  const c: Testcase = { classname, name: vm.name, ms: 0 };
  const weight = vmWeight(vm, gate);
  const describe = (verdict: 'fail' | 'unknown') =>
    reasons(vm, verdict).map((r) => `${r.node}: ${r.messages.join('; ')} [${r.rules.join(', ')}]`);
  if (weight === 'not-applicable')
    c.skipped = `does not use AVMA (${guestText(vm.guest)}): ${vm.reason ?? ''}`;
  else if (weight === 'failure') {
    const failing = describe('fail');
    c.failure = {
      message:
        vm.targets.length === 0
          ? 'no node left to run on'
          : `loses AVMA activation on ${failing.length} of ${vm.targets.length} possible owners`,
      type: 'at-risk',
      text: failing.join('\n'),
    };
  } else if (weight === 'incomplete') {
    const unknown = describe('unknown');
    c.error = {
      message: `cannot be judged on ${unknown.length} of ${vm.targets.length} possible owners`,
      type: 'unknown',
      text: unknown.join('\n'),
    };
  } else if (weight === 'advice' || weight === 'accepted') {
    const why = describe(vm.verdict === 'at-risk' ? 'fail' : 'unknown').join('\n');
    c.skipped = `${vm.verdict === 'at-risk' ? 'at risk' : 'unknown'}, which the gate lets pass (${weight === 'accepted' ? 'accepted findings' : `--fail-on ${gate.failOn}, --unknown ${gate.unknown}`}):\n${why}`;
  }
  const remarks = vmRemarks(vm);
  if (remarks.length > 0) c.out = remarks.join('\n');
  const warnings = cluster.findings.filter(
    (f) => f.vm === vm.name && f.severity === 'warning' && findingWeight(f, gate) === 'failure',
  );
  if (warnings.length > 0 && !c.failure)
    c.failure = {
      message: `${warnings.length} warning(s) (--fail-on warning)`,
      type: 'warning',
      text: lines(warnings),
    };
  return c;
}

/** The cluster's own findings (no node, no VM), as one testcase when there are any. */
function clusterCase(cluster: ClusterResult, gate: GateOptions, classname: string): Testcase[] {
  const own = cluster.findings.filter((f) => f.node === null && f.vm === null);
  if (own.length === 0) return [];
  const c: Testcase = { classname, name: `cluster ${cluster.name}`, ms: 0 };
  const missing = own.filter((f) => findingWeight(f, gate) === 'incomplete');
  const failing = own.filter((f) => findingWeight(f, gate) === 'failure');
  if (missing.length > 0)
    c.error = { message: 'facts are missing', type: missing[0]?.rule ?? 'unknown', text: lines(missing) };
  if (failing.length > 0)
    c.failure = {
      message: `${failing.length} finding(s) the gate counts`,
      type: 'warning',
      text: lines(failing),
    };
  const rest = own.filter((f) => !missing.includes(f) && !failing.includes(f));
  if (rest.length > 0) c.out = lines(rest);
  return [c];
}

export function clusterSuite(
  cluster: ClusterResult,
  gate: GateOptions,
  name: string,
  timings?: Timings,
): Suite {
  const reasons = reasonIndex(cluster);
  const classname = `avma-check.${cluster.name}`;
  return {
    name,
    ms: timings?.clusters?.get(cluster.name) ?? 0,
    cases: [
      ...clusterCase(cluster, gate, classname),
      ...cluster.nodes.map((node) => nodeCase(cluster, node, gate, classname)),
      ...cluster.vms.map((vm) => vmCase(vm, cluster, reasons, gate, classname)),
    ],
  };
}

export function runSuite(judgement: Judgement, name: string): Suite | null {
  const gate = judgement.gate.options;
  const notes = acceptanceNotes(judgement);
  const accepted: Testcase[] =
    notes.length > 0
      ? [
          {
            classname: 'avma-check.run',
            name: 'accepted findings',
            ms: 0,
            out: notes.map((n) => n.text).join('\n'),
          },
        ]
      : [];
  if (judgement.findings.length === 0 && accepted.length === 0) return null;
  return {
    name,
    ms: 0,
    cases: [
      ...accepted,
      ...judgement.findings.map((f: RunFinding) => {
        const c: Testcase = {
          classname: 'avma-check.run',
          name: `${f.rule} ${f.source ?? ''}`.trim(),
          ms: 0,
        };
        if (findingWeight(f, gate) === 'failure')
          c.failure = { message: f.message, type: f.rule, text: f.message };
        else c.out = f.message;
        return c;
      }),
    ],
  };
}

export function judgementSuites(judgement: Judgement, timings?: Timings, prefix = ''): Suite[] {
  const gate = judgement.gate.options;
  const suites = judgement.report.clusters.map((c) => clusterSuite(c, gate, `${prefix}${c.name}`, timings));
  const run = runSuite(judgement, `${prefix}run`);
  return run ? [...suites, run] : suites;
}

export const timestampOf = (iso: string) => iso.replace(/\.\d{3}Z$/, '');

export const formatJunit: Formatter<Judgement> = (judgement, context) =>
  junitDocument(
    judgementSuites(judgement, context.timings),
    context.timings?.totalMs ?? 0,
    timestampOf(judgement.report.generatedAt),
  );
