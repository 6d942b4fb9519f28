import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { clusterVerdict, targetVerdict, vmVerdict, worstVerdict } from '../../src/analyze/verdicts.js';
import { aCluster, NOW } from '../helpers/cluster.js';

describe('roll-ups', () => {
  it('a target fails on any error, is unknown on any unknown, else ok; warnings do not count', () => {
    expect(targetVerdict([])).toBe('ok');
    expect(targetVerdict(['warning'])).toBe('ok');
    expect(targetVerdict(['unknown', 'warning'])).toBe('unknown');
    expect(targetVerdict(['unknown', 'error'])).toBe('fail');
  });

  it('a VM is safe only when ok everywhere, at risk when it fails anywhere', () => {
    const t = (verdict: 'ok' | 'fail' | 'unknown') => ({ node: 'N', verdict, rules: [] });
    expect(vmVerdict([t('ok'), t('ok')])).toBe('safe');
    expect(vmVerdict([t('ok'), t('unknown')])).toBe('unknown');
    expect(vmVerdict([t('unknown'), t('fail')])).toBe('at-risk');
  });

  it('a cluster is at risk, incomplete or safe', () => {
    const counts = { safe: 3, atRisk: 0, unknown: 0, notApplicable: 1 };
    expect(clusterVerdict(counts, false)).toBe('safe');
    expect(clusterVerdict(counts, true)).toBe('incomplete');
    expect(clusterVerdict({ ...counts, unknown: 1 }, false)).toBe('incomplete');
    expect(clusterVerdict({ ...counts, atRisk: 1, unknown: 1 }, true)).toBe('at-risk');
    expect(worstVerdict(['safe', 'incomplete', 'safe'])).toBe('incomplete');
    expect(worstVerdict(['incomplete', 'at-risk'])).toBe('at-risk');
  });
});

describe('analyze', () => {
  it('judges every VM on every possible owner, and only there', () => {
    const cluster = aCluster('c')
      .node('N1')
      .node('N2', { edition: 'standard' })
      .node('N3', { release: '2019' })
      .vm('everywhere')
      .vm('pinned', { possibleOwners: ['N1'] })
      .vm('old', { guest: { release: '2016' }, possibleOwners: ['N1', 'N3'] })
      .build();
    const [result] = analyze([cluster], { now: NOW }).clusters;
    const everywhere = result?.vms.find((vm) => vm.name === 'everywhere');
    expect(everywhere?.verdict).toBe('at-risk');
    expect(everywhere?.targets).toEqual([
      { node: 'N1', verdict: 'ok', rules: [] },
      { node: 'N2', verdict: 'fail', rules: ['host-not-datacenter'] },
      { node: 'N3', verdict: 'fail', rules: ['guest-newer-than-host'] },
    ]);
    expect(result?.vms.find((vm) => vm.name === 'pinned')).toMatchObject({
      verdict: 'safe',
      targets: [{ node: 'N1' }],
    });
    expect(result?.vms.find((vm) => vm.name === 'old')?.verdict).toBe('safe');
    expect(result?.verdict).toBe('at-risk');
  });

  it('keeps a Paused or Down node among the possible owners: it comes back', () => {
    const cluster = aCluster()
      .node('N1')
      .node('N2', { state: 'Paused', edition: 'standard' })
      .node('N3', { state: 'Down' })
      .vm('app')
      .build();
    const vm = analyze([cluster], { now: NOW }).clusters[0]?.vms[0];
    expect(vm?.targets.map((t) => t.node)).toEqual(['N1', 'N2', 'N3']);
    expect(vm?.verdict).toBe('at-risk');
  });

  it('a node that could not be read makes its targets unknown and the cluster incomplete', () => {
    const cluster = aCluster()
      .node('N1')
      .rawNode({ name: 'N2', error: { kind: 'unreachable', message: 'connection refused', hint: null } })
      .vm('app')
      .build();
    const report = analyze([cluster], { now: NOW });
    expect(report.clusters[0]?.vms[0]?.targets[1]).toEqual({
      node: 'N2',
      verdict: 'unknown',
      rules: ['node-unreachable'],
    });
    expect(report.verdict).toBe('incomplete');
  });

  it('a VM-wide failure applies to every target, with the node failures', () => {
    const cluster = aCluster().node('N1').node('N2', { activated: false }).vm('app', { kvp: false }).build();
    const targets = analyze([cluster], { now: NOW }).clusters[0]?.vms[0]?.targets;
    expect(targets).toEqual([
      { node: 'N1', verdict: 'fail', rules: ['kvp-disabled'] },
      { node: 'N2', verdict: 'fail', rules: ['host-not-activated', 'kvp-disabled'] },
    ]);
  });

  it('an unknown guest fails where the host fails, and is unknown elsewhere', () => {
    const cluster = aCluster()
      .node('N1')
      .node('N2', { edition: 'standard' })
      .vm('app', { guest: null })
      .build();
    const vm = analyze([cluster], { now: NOW }).clusters[0]?.vms[0];
    expect(vm?.targets.map((t) => t.verdict)).toEqual(['unknown', 'fail']);
    expect(vm?.verdict).toBe('at-risk');
  });

  it('does not judge VMs that do not use AVMA', () => {
    const cluster = aCluster()
      .node('N1', { edition: 'standard' })
      .vm('kms', { activation: 'other' })
      .vm('linux', { guest: { family: 'other', release: null, build: null, name: 'Ubuntu' } })
      .vm('desktop', { guest: { family: 'windows-client', release: null, edition: 'client' } })
      .build();
    const report = analyze([cluster], { now: NOW });
    expect(report.clusters[0]?.vms.map((vm) => vm.verdict)).toEqual([
      'not-applicable',
      'not-applicable',
      'not-applicable',
    ]);
    expect(report.clusters[0]?.vms.every((vm) => vm.targets.length === 0)).toBe(true);
    expect(report.verdict).toBe('safe');
    expect(report.counts).toEqual({ safe: 0, atRisk: 0, unknown: 0, notApplicable: 3 });
  });

  it('is pure: the same input and now give the same report, and the input is not changed', () => {
    const cluster = aCluster()
      .node('N1')
      .node('N2', { activationExpires: '2026-12-01T00:00:00.000Z' })
      .vm('app')
      .build();
    const before = JSON.stringify(cluster);
    expect(analyze([cluster], { now: NOW })).toEqual(analyze([cluster], { now: NOW }));
    expect(JSON.stringify(cluster)).toBe(before);
  });

  it('uses the now it is given', () => {
    const cluster = aCluster()
      .node('N1', { activationExpires: '2026-12-01T00:00:00.000Z' })
      .node('N2')
      .vm('app')
      .build();
    const rules = (now: string) =>
      analyze([cluster], { now: new Date(now) }).clusters[0]?.findings.map((f) => f.rule);
    expect(rules('2026-11-22')).toEqual(['host-activation-expiring']);
    expect(rules('2026-12-02')).toEqual(['host-not-activated']);
    expect(rules('2026-10-01')).toEqual([]);
  });
});
