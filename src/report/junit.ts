// JUnit XML: one testsuite per cluster, one testcase per VM; at-risk VMs fail with every failing target and
// rule; unknown and not-applicable VMs are skipped with the reason.
import type { ClusterResult, Report, VmResult } from '../model/report.js';
import { guestText } from './describe.js';
import { reasonIndex } from './target-reasons.js';
import type { Formatter } from './types.js';
import { xmlText } from './xml.js';

function testcase(cluster: ClusterResult, vm: VmResult, reasons: ReturnType<typeof reasonIndex>): string {
  const open = `    <testcase classname="${xmlText(`avma-check.${cluster.name}`)}" name="${xmlText(vm.name)}" time="0">`;
  if (vm.verdict === 'safe') return `${open}</testcase>`;
  if (vm.verdict === 'not-applicable')
    return `${open}<skipped message="does not use AVMA (${xmlText(guestText(vm.guest))})"/></testcase>`;
  const verdict = vm.verdict === 'at-risk' ? 'fail' : 'unknown';
  const lines = reasons(vm, verdict).map(
    (r) => `${r.node}: ${r.messages.join('; ')} [${r.rules.join(', ')}]`,
  );
  if (vm.verdict === 'unknown') {
    return `${open}<skipped message="${xmlText(`cannot be judged on ${lines.length} of ${vm.targets.length} possible owners: ${lines.join(' | ')}`, 2000)}"/></testcase>`;
  }
  const message =
    vm.targets.length === 0
      ? 'no node left to run on'
      : `loses AVMA activation on ${lines.length} of ${vm.targets.length} possible owners`;
  return `${open}\n      <failure message="${xmlText(message)}" type="at-risk">${lines.map((line) => xmlText(line, 2000)).join('\n')}</failure>\n    </testcase>`;
}

function suite(cluster: ClusterResult, timestamp: string): string {
  const reasons = reasonIndex(cluster);
  const count = (verdict: VmResult['verdict']) => cluster.vms.filter((vm) => vm.verdict === verdict).length;
  const skipped = count('unknown') + count('not-applicable');
  return [
    `  <testsuite name="${xmlText(cluster.name)}" tests="${cluster.vms.length}" failures="${count('at-risk')}" errors="0" skipped="${skipped}" time="0" timestamp="${timestamp}">`,
    ...cluster.vms.map((vm) => testcase(cluster, vm, reasons)),
    '  </testsuite>',
  ].join('\n');
}

export const formatJunit: Formatter = (report: Report) => {
  const tests = report.clusters.reduce((sum, c) => sum + c.vms.length, 0);
  const { atRisk, unknown, notApplicable } = report.counts;
  const timestamp = report.generatedAt.replace(/\.\d{3}Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="avma-check" tests="${tests}" failures="${atRisk}" errors="0" skipped="${unknown + notApplicable}" time="0">`,
    ...report.clusters.map((cluster) => suite(cluster, timestamp)),
    '</testsuites>',
    '',
  ].join('\n');
};
