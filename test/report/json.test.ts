import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../bench/synthetic-cluster.js';
import { GATE_VERDICTS } from '../../src/analyze/gate.js';
import { EDITION_FAMILIES } from '../../src/domain/editions.js';
import { LICENSE_STATES } from '../../src/domain/licensing.js';
import { RELEASES } from '../../src/domain/releases.js';
import {
  ACTIVATION_BASES,
  AZURE_LOCAL_AVMA_SOURCES,
  DRAIN_STATUSES,
  GUEST_FAMILIES,
  NODE_ERROR_KINDS,
  NODE_STATES,
  VM_ACTIVATIONS,
} from '../../src/model/facts.js';
import { VM_VERDICTS } from '../../src/model/report.js';
import { formatJson } from '../../src/report/json.js';
import { render } from '../../src/report/types.js';
import { SEVERITIES } from '../../src/rules/types.js';
import { validateReport } from '../helpers/formats.js';
import { judged, NOW } from '../helpers/judgement.js';
import { lab } from './lab.js';

const json = JSON.parse(render(formatJson, judged([lab]), { color: false, exitCode: 1 }));

describe('json', () => {
  it('has the documented shape: the gate at the top, the real verdicts below', () => {
    expect(json).toMatchObject({
      schemaVersion: 3,
      kind: 'avma-check-report',
      generatedAt: NOW.toISOString(),
      verdict: 'fail',
      exitCode: 1,
      gate: {
        failOn: 'error',
        unknown: 'fail',
        reasons: ['2 VMs at risk'],
        atRisk: 2,
        unknownVms: 1,
        unreadNodes: 1,
      },
      counts: { safe: 1, atRisk: 2, unknown: 1, notApplicable: 1 },
      ignoreFile: null,
      baseline: null,
      findings: [],
    });
    const [c] = json.clusters;
    expect(c.nodes[2]).toEqual({
      name: 'N3',
      host: null,
      source: 'declared',
      state: 'Up',
      drainStatus: null,
      drained: false,
      release: '2022',
      build: 20348,
      edition: 'standard',
      editionId: 'ServerDatacenter',
      activated: true,
      licenseState: 'Licensed',
      onlyAddOnLicenses: false,
      activationExpires: '2026-12-01T00:00:00.000Z',
      hyperV: true,
      avmaRequests30d: null,
      azureLocalAvma: null,
      error: null,
      probeErrors: [],
    });
    expect(c.vms[0]).toMatchObject({
      name: 'web01',
      verdict: 'at-risk',
      gate: 'at-risk',
      guest: {
        family: 'windows-server',
        release: '2022',
        edition: 'standard',
        build: 20348,
        os: null,
        stale: false,
      },
      targets: {
        ok: ['N1'],
        fail: [
          { rules: ['guest-newer-than-host'], nodes: ['N2'] },
          { rules: ['host-not-datacenter'], nodes: ['N3'] },
        ],
        unknown: [],
      },
    });
    expect(c.findings).toContainEqual({
      rule: 'host-not-datacenter',
      severity: 'error',
      node: 'N3',
      message: expect.any(String),
    });
  });

  it('is valid against the shipped JSON Schema, which refuses what the report never holds', () => {
    validateReport(json);
    validateReport(
      JSON.parse(render(formatJson, judged([syntheticCluster(8, 200)]), { color: false, exitCode: 1 })),
    );
    expect(() => validateReport({ ...json, verdict: 'fine' })).toThrow();
    expect(() => validateReport({ ...json, extra: 1 })).toThrow();
  });

  it('groups failing and unknown targets by the rules behind them, in the order of their first node', () => {
    const big = JSON.parse(render(formatJson, judged([syntheticCluster()]), { color: false, exitCode: 1 }));
    const vm = big.clusters[0].vms.find((v: { name: string }) => v.name === 'vm-00003');
    expect(vm.targets).toEqual({
      ok: Array.from({ length: 56 }, (_, i) => `HV${String(i + 1).padStart(2, '0')}`),
      fail: [
        { rules: ['host-not-activated'], nodes: ['HV57'] },
        { rules: ['host-not-datacenter'], nodes: ['HV58'] },
        { rules: ['guest-newer-than-host'], nodes: ['HV59', 'HV60', 'HV61', 'HV62', 'HV63'] },
      ],
      unknown: [{ rules: ['node-unreachable'], nodes: ['HV64'] }],
    });
  });

  it('streams in pieces, none of them the whole report', () => {
    const chunks = [...formatJson(judged([syntheticCluster(8, 400)]), { color: false, exitCode: 1 })];
    expect(chunks.length).toBeGreaterThan(400);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(20_000);
  });
});

describe('the JSON Schema and the code', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
  );
  const node = schema.$defs.node.properties;
  const vm = schema.$defs.vm.properties;
  const enumOf = (property: { enum: unknown[] }) => property.enum.filter((v) => v !== null);

  it.each([
    ['node release', enumOf(node.release), RELEASES],
    ['node edition', enumOf(node.edition), EDITION_FAMILIES],
    ['node state', enumOf(node.state), NODE_STATES],
    ['node drainStatus', enumOf(node.drainStatus), DRAIN_STATUSES],
    ['node licenseState', enumOf(node.licenseState), LICENSE_STATES],
    ['node azureLocalAvma', enumOf(node.azureLocalAvma), AZURE_LOCAL_AVMA_SOURCES],
    ['node error kind', node.error.oneOf[1].properties.kind.enum, NODE_ERROR_KINDS],
    ['vm activation', vm.activation.enum, VM_ACTIVATIONS],
    ['vm activationBasis', vm.activationBasis.enum, ACTIVATION_BASES],
    ['vm guest family', vm.guest.oneOf[1].properties.family.enum, GUEST_FAMILIES],
    ['vm verdict', schema.$defs.vmVerdict.enum, VM_VERDICTS],
    ['gate verdict', schema.$defs.gateVerdict.enum, GATE_VERDICTS],
    ['severity', schema.$defs.finding.properties.severity.enum, SEVERITIES],
  ])('%s: the values the code has', (_what, inSchema, inCode) => {
    expect([...inSchema].sort()).toEqual([...inCode].sort());
  });
});
