// The judgement: real verdicts always, accepted findings marked and left out of the gate only.
import { describe, expect, it } from 'vitest';
import { vmTargetKey } from '../../src/analyze/accept.js';
import { DEFAULT_GATE } from '../../src/analyze/gate.js';
import { type JudgeOptions, judge } from '../../src/analyze/judge.js';
import { findSuppression } from '../../src/analyze/suppress.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('c').node('N1').node('N2', { edition: 'standard' }).vm('web').vm('app').build();
const options = (over: Partial<JudgeOptions> = {}): JudgeOptions => ({
  now: NOW,
  expiryWarningDays: 30,
  ignore: null,
  baseline: null,
  gate: DEFAULT_GATE,
  ...over,
});
const ignore = (
  ...entries: JudgeOptions['ignore'] extends infer I ? (I extends { entries: infer E } ? E : never) : never
) => ({
  file: '.avma-ignore.yaml',
  entries,
});

describe('suppression matching', () => {
  it('matches rule, then cluster, node and vm when given (case-insensitive, * for any)', () => {
    const list = [{ rule: 'host-not-datacenter', node: 'n2', reason: 'r' }];
    const subject = { rule: 'host-not-datacenter', cluster: 'c', node: 'N2', vm: null };
    expect(findSuppression(list, subject, NOW)).not.toBeNull();
    expect(findSuppression(list, { ...subject, node: 'N1' }, NOW)).toBeNull();
    expect(findSuppression(list, { ...subject, rule: 'kvp-disabled' }, NOW)).toBeNull();
    expect(
      findSuppression(
        [{ rule: 'kvp-disabled', vm: '*', reason: 'r' }],
        { ...subject, rule: 'kvp-disabled', node: null, vm: 'x' },
        NOW,
      ),
    ).not.toBeNull();
  });
});

describe('judge', () => {
  it('without acceptances, the gate reads the real verdicts', () => {
    const { report, gate } = judge([cluster], options());
    expect(report.clusters[0]?.vms.map((vm) => [vm.name, vm.verdict, vm.gate])).toEqual([
      ['web', 'at-risk', 'at-risk'],
      ['app', 'at-risk', 'at-risk'],
    ]);
    expect(gate).toMatchObject({ verdict: 'fail', atRisk: 2, acceptedAtRisk: 0 });
  });

  it('an ignore entry accepts a finding: the facts stay at risk, marked; the gate passes', () => {
    const j = judge(
      [cluster],
      options({
        ignore: ignore({
          rule: 'host-not-datacenter',
          node: 'N2',
          reason: 'replacement ordered',
          source: 'i:3',
        }),
      }),
    );
    const [c] = j.report.clusters;
    expect(j.report.verdict).toBe('at-risk');
    expect(c?.vms.map((vm) => [vm.verdict, vm.gate])).toEqual([
      ['at-risk', 'safe'],
      ['at-risk', 'safe'],
    ]);
    expect(c?.vms[0]?.targets).toContainEqual({
      node: 'N2',
      verdict: 'fail',
      rules: ['host-not-datacenter'],
    });
    expect(c?.findings).toContainEqual(
      expect.objectContaining({
        rule: 'host-not-datacenter',
        node: 'N2',
        accepted: { by: 'ignore-file', reason: 'replacement ordered', expires: null, source: 'i:3' },
      }),
    );
    expect(j.gate).toMatchObject({ verdict: 'pass', atRisk: 0, acceptedAtRisk: 2, acceptedFindings: 1 });
    expect(j.ignore).toMatchObject({ file: '.avma-ignore.yaml', entries: 1, suppressed: 1, wholeRule: [] });
  });

  it('an entry naming a VM accepts a node-wide failure for that VM only', () => {
    const { report } = judge(
      [cluster],
      options({ ignore: ignore({ rule: 'host-not-datacenter', vm: 'web', reason: 'r' }) }),
    );
    expect(report.clusters[0]?.vms.map((vm) => [vm.name, vm.verdict, vm.gate])).toEqual([
      ['web', 'at-risk', 'safe'],
      ['app', 'at-risk', 'at-risk'],
    ]);
  });

  it('an expired entry accepts nothing and becomes a finding of its own; one with no matcher is named', () => {
    const entries = [
      {
        rule: 'host-not-datacenter',
        reason: 'until the licence came',
        expires: '2026-11-01T00:00:00.000Z',
        source: 'i:2',
      },
      { rule: 'kvp-disabled', reason: 'lab VMs', source: 'i:5' },
    ];
    const j = judge([cluster], options({ ignore: ignore(...entries) }));
    expect(j.gate.verdict).toBe('fail');
    expect(j.findings).toEqual([
      {
        rule: 'suppression-expired',
        severity: 'warning',
        message: expect.stringMatching(
          /suppression of host-not-datacenter \("until the licence came"\) expired on 2026-11-01/,
        ),
        source: 'i:2',
      },
    ]);
    expect(j.gate.warnings).toBe(1);
    expect(j.ignore?.wholeRule.map((s) => s.source)).toEqual(['i:5']);
    expect(
      judge([cluster], { ...options({ ignore: ignore(...entries) }), now: new Date('2026-10-01') }).gate
        .verdict,
    ).toBe('pass');
  });

  it('a baseline accepts the findings it had, marks the rest new, and lists those gone', () => {
    const findings = [
      { cluster: 'c', rule: 'host-not-datacenter', node: 'N2', vm: null, message: 'N2 runs Standard' },
      { cluster: 'c', rule: 'kvp-disabled', node: null, vm: 'old', message: 'old has KVP off' },
    ];
    const j = judge([cluster], options({ baseline: { file: 'base.json', findings } }));
    expect(j.report.verdict).toBe('at-risk');
    expect(j.gate.verdict).toBe('pass');
    expect(j.baseline).toMatchObject({ file: 'base.json', accepted: 1, new: 0 });
    expect(j.baseline?.gone.map((f) => f.rule)).toEqual(['kvp-disabled']);
    const more = aCluster('c')
      .node('N1')
      .node('N2', { edition: 'standard' })
      .node('N3', { activated: false })
      .vm('web')
      .build();
    const later = judge([more], options({ baseline: { file: 'base.json', findings } }));
    expect(later.gate.verdict).toBe('fail');
    expect(later.baseline?.new).toBe(1);
  });

  it("a baseline's node-wide finding covers the VMs it saw failing there, not a VM newly landing on that node", () => {
    const findings = [
      { cluster: 'c', rule: 'host-not-datacenter', node: 'N2', vm: null, message: 'N2 runs Standard' },
    ];
    const vmTargets = new Set([vmTargetKey('c', 'web', 'N2', 'host-not-datacenter')]);
    const baseline = { file: 'base.json', findings, vmTargets };
    const had = aCluster('c').node('N1').node('N2', { edition: 'standard' }).vm('web').build();
    expect(judge([had], options({ baseline })).gate.verdict).toBe('pass');
    // app can now land on N2 too: the same node-wide finding, but app is newly at risk.
    const j = judge([cluster], options({ baseline }));
    expect(j.gate).toMatchObject({ verdict: 'fail', atRisk: 1 });
    expect(j.report.clusters[0]?.vms.map((vm) => [vm.name, vm.gate])).toEqual([
      ['web', 'safe'],
      ['app', 'at-risk'],
    ]);
    // The finding itself is still shown as the baseline's.
    expect(j.report.clusters[0]?.findings.find((f) => f.rule === 'host-not-datacenter')?.accepted?.by).toBe(
      'baseline',
    );
  });

  it('with --fail-on warning a warning fails; with never nothing does; with --unknown pass unknowns pass', () => {
    const warned = aCluster('w')
      .node('N1', { activationExpires: '2026-12-01T00:00:00.000Z' })
      .node('N2')
      .vm('a')
      .build();
    expect(judge([warned], options()).gate.verdict).toBe('pass');
    expect(judge([warned], options({ gate: { failOn: 'warning', unknown: 'fail' } })).gate.verdict).toBe(
      'fail',
    );
    expect(judge([cluster], options({ gate: { failOn: 'never', unknown: 'fail' } })).gate.verdict).toBe(
      'pass',
    );
    const unknown = aCluster('u').node('N1').node('N2').vm('a', { guest: null }).build();
    expect(judge([unknown], options()).gate).toMatchObject({ verdict: 'incomplete', unknown: 1 });
    expect(judge([unknown], options({ gate: { failOn: 'error', unknown: 'pass' } })).gate.verdict).toBe(
      'pass',
    );
  });

  it('a node not read makes the run incomplete, and an interrupted run never passes', () => {
    const unread = aCluster('x')
      .node('N1')
      .rawNode({ name: 'N2', error: { kind: 'timeout', message: 'm', hint: null } })
      .build();
    const withVm = aCluster('x')
      .node('N1')
      .vm('a', { possibleOwners: ['N1'] })
      .build();
    expect(judge([unread], options()).gate).toMatchObject({ verdict: 'incomplete', unreadNodes: 1 });
    expect(judge([withVm], options()).gate.verdict).toBe('pass');
    expect(judge([withVm], options({ interruptedBy: 'SIGTERM' })).gate).toMatchObject({
      verdict: 'incomplete',
      interruptedBy: 'SIGTERM',
    });
  });
});

describe('possible owners that were not read', () => {
  it('an owner that names no node is a target whose verdict is unknown, never dropped', () => {
    const hidden = aCluster('h')
      .node('HV01')
      .vm('app', { possibleOwners: ['HV01', 'HIDDEN-STANDARD-NODE'] })
      .build();
    const { report, gate } = judge([hidden], options());
    const [c] = report.clusters;
    expect(c?.vms[0]?.targets).toEqual([
      { node: 'HV01', verdict: 'ok', rules: [] },
      { node: 'HIDDEN-STANDARD-NODE', verdict: 'unknown', rules: ['node-unreachable'] },
    ]);
    expect(c?.nodes.map((n) => [n.name, n.error?.kind ?? null])).toEqual([
      ['HV01', null],
      ['HIDDEN-STANDARD-NODE', 'not-scanned'],
    ]);
    expect(c?.findings.some((f) => f.rule === 'single-failover-target')).toBe(false);
    expect(gate.verdict).toBe('incomplete');
  });

  it('owners compare without case: [A, a, B] is two targets', () => {
    const c = aCluster('o')
      .node('A')
      .node('B')
      .vm('v', { possibleOwners: ['A', 'a', 'B'] })
      .build();
    expect(judge([c], options()).report.clusters[0]?.vms[0]?.targets.map((t) => t.node)).toEqual(['A', 'B']);
  });
});
