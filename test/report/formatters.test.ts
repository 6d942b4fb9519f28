import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { FORMAT_NAMES, formatters } from '../../src/report/index.js';
import { reportJson } from '../../src/report/json.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const cluster = aCluster('hv-lab')
  .node('LAB01')
  .node('LAB02', { edition: 'standard', editionId: 'ServerStandard' })
  .node('LAB03', { release: '2019', build: 17763, activationExpires: '2026-12-01T00:00:00.000Z' })
  .rawNode({
    name: 'LAB04',
    error: { kind: 'timeout', message: 'no answer within 30 s', hint: 'check the firewall' },
  })
  .vm('app01', { possibleOwners: ['LAB01', 'LAB02'] })
  .vm('app02', { possibleOwners: ['LAB01', 'LAB03'], guest: { release: '2016' } })
  .vm('app03', { possibleOwners: ['LAB01', 'LAB04'], guest: { release: '2019' } })
  .vm('kms01', { activation: 'other' })
  .build();
const report = analyze([cluster], { now: NOW });

describe('text', () => {
  const text = formatters.text(report, { color: false, exitCode: 1 });

  it('shows nodes, at-risk VMs with each failing target and reason, unknowns, warnings, and a verdict', () => {
    expect(text).toContain('Cluster hv-lab: AT RISK (4 VMs: 1 at risk, 1 unknown, 1 safe, 1 not using AVMA)');
    expect(text).toMatch(/· LAB02 +2022 +Standard +activated +Hyper-V +Up/);
    expect(text).toMatch(/· LAB03 +2019 +Datacenter +activated until 2026-12-01/);
    expect(text).toMatch(/\? LAB04 +timeout: no answer within 30 s \(check the firewall\)/);
    expect(text).toMatch(
      /✗ app01 \(Windows Server 2022 Standard, runs on LAB01\): fails on 1 of 2 possible owners\n {8}LAB02 +LAB02 runs Standard \(EditionID ServerStandard\); only Datacenter hosts activate guests by AVMA \[host-not-datacenter\]/,
    );
    expect(text).toMatch(
      /\? app03 .*: cannot be judged on 1 of 2 possible owners\n {8}LAB04 +LAB04 could not be read \(timeout\)/,
    );
    expect(text).toMatch(
      /! LAB03's activation expires on 2026-12-01, in 9 days \[host-activation-expiring\]/,
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Verdict: AT RISK: 1 VM at risk, 1 unknown, 1 safe, 1 not using AVMA in 1 cluster (exit code 1)',
    );
  });

  it('has no colour unless asked, and colour when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatters.text(report, { color: true, exitCode: 1 })).toContain('\u001b[31m');
  });

  it('says SAFE for a safe run', () => {
    const safe = analyze([aCluster('ok').node('N1').node('N2').vm('a').build()], { now: NOW });
    expect(formatters.text(safe, { color: false, exitCode: 0 })).toMatch(
      /Verdict: SAFE: 0 VMs at risk, 0 unknown, 1 safe in 1 cluster \(exit code 0\)\n$/,
    );
  });
});

describe('json', () => {
  const json = JSON.parse(formatters.json(report, { color: false, exitCode: 1 }));

  it('has the documented shape', () => {
    expect(json).toMatchObject({ schemaVersion: 1, generatedAt: NOW.toISOString(), verdict: 'at-risk' });
    const [c] = json.clusters;
    expect(c.name).toBe('hv-lab');
    expect(c.verdict).toBe('at-risk');
    expect(c.nodes[1]).toEqual({
      name: 'LAB02',
      host: null,
      source: 'declared',
      state: 'Up',
      release: '2022',
      build: 20348,
      edition: 'standard',
      editionId: 'ServerStandard',
      activated: true,
      licenseState: 'Licensed',
      activationExpires: null,
      hyperV: true,
      azureLocalAvma: null,
      error: null,
      probeErrors: [],
    });
    expect(c.nodes[3].error).toEqual({
      kind: 'timeout',
      message: 'no answer within 30 s',
      hint: 'check the firewall',
    });
    expect(c.vms[0]).toMatchObject({
      name: 'app01',
      verdict: 'at-risk',
      guest: { family: 'windows-server', release: '2022', edition: 'standard', build: 20348, os: null },
      targets: [
        { node: 'LAB01', verdict: 'ok', rules: [] },
        { node: 'LAB02', verdict: 'fail', rules: ['host-not-datacenter'] },
      ],
    });
    expect(c.findings).toContainEqual({
      rule: 'host-not-datacenter',
      severity: 'error',
      node: 'LAB02',
      message: expect.any(String),
    });
    expect(c.findings.find((f: { vm?: string }) => f.vm === 'app01')).toBeUndefined();
  });

  it('is the same data as reportJson', () => {
    expect(json).toEqual(JSON.parse(JSON.stringify(reportJson(report))));
  });
});

describe('hostile strings', () => {
  const hostile = aCluster('\u001b]0;owned\u0007c')
    .node('N\u001b[2J1')
    .node('N2', { edition: 'standard' })
    .vm('vm\u001b[31m\u202eevil', {
      guest: { release: null, build: null, name: `Windows\u0007${'x'.repeat(5000)}` },
    })
    .build();
  const hostileReport = analyze([hostile], { now: NOW });

  it.each(FORMAT_NAMES)('%s prints no escape sequence, bell or bidi override', (format) => {
    const output = formatters[format](hostileReport, { color: false, exitCode: 1 });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('the text report caps long remote strings', () => {
    const output = formatters.text(hostileReport, { color: false, exitCode: 1 });
    expect(output.split('\n').every((line) => line.length < 1200)).toBe(true);
  });
});
