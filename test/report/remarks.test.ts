// What a reader must know to weigh a verdict reaches every format: AVMA assumed, stale guest facts, a node's
// drain, the AVMA requests it logged, a host with only add-on licences.
import { describe, expect, it } from 'vitest';
import { reportFormatters } from '../../src/report/index.js';
import { render } from '../../src/report/types.js';
import { aCluster } from '../helpers/cluster.js';
import { judged } from '../helpers/judgement.js';

const cluster = aCluster('r')
  .node('N1', { drainStatus: 'InProgress', avmaRequests30d: 12 })
  .node('N2', { activated: false, licenseState: 'Unlicensed', onlyAddOnLicenses: true, avmaRequests30d: 0 })
  .vm('asleep', {
    state: 'Off',
    activationBasis: 'declared',
    guest: { release: '2025', stale: true },
    possibleOwners: ['N1', 'N2'],
  })
  .vm('assumed', { possibleOwners: ['N1', 'N2'] })
  .build();
const judgement = judged([cluster]);
const out = (format: keyof typeof reportFormatters) =>
  render(reportFormatters[format], judgement, { color: false, exitCode: 1 });

describe('remarks in every format', () => {
  it('text', () => {
    const text = out('text');
    expect(text).toMatch(/· N1 .* Up, draining +12 AVMA requests in 30 days/);
    expect(text).toMatch(/· N2 .*not activated \(only add-on licences\).* 0 AVMA requests in 30 days/);
    expect(text).toMatch(
      /✗ asleep \(Windows Server 2025 Standard, runs on N1; guest facts from when it last ran \(VM Off\)\)/,
    );
    expect(text).toMatch(/✗ assumed \(Windows Server 2022 Standard, runs on N1; AVMA assumed\)/);
  });

  it('markdown', () => {
    const markdown = out('markdown');
    expect(markdown).toMatch(
      /\| r \| N1 \| 2022 \| Datacenter \| activated \| Hyper-V \| Up, draining \| 12 \|/,
    );
    expect(markdown).toMatch(
      /\| asleep \| Windows Server 2025 Standard<br>_guest facts from when it last ran \(VM Off\)_ \|/,
    );
  });

  it('junit, github and sarif', () => {
    expect(out('junit')).toMatch(/<system-out>AVMA assumed<\/system-out>/);
    expect(out('junit')).toMatch(/Up, draining\n12 AVMA requests in 30 days/);
    expect(out('github')).toMatch(
      /assumed \(Windows Server 2022 Standard\) loses activation on 1 of 2 possible owners \(AVMA assumed\)/,
    );
    const results = JSON.parse(out('sarif')).runs[0].results as { message: { text: string } }[];
    expect(
      results.some((r) => /\(guest facts from when it last ran \(VM Off\)\)$/.test(r.message.text)),
    ).toBe(true);
  });
});
