import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFactsFromRaw, nodeFromDocument, probeErrorsOf } from '../../src/interpret/node-facts.js';
import type { RawLicenseRow, RawNode } from '../../src/interpret/raw-schema.js';
import { hostDocument, type SimHost } from '../../src/sim/recordings.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const doc = (host: Partial<SimHost>) => {
  const full: SimHost = { name: 'H', release: '2022', edition: 'Datacenter', ...host };
  return hostDocument({ name: 'c', hosts: [full], vms: [] }, full);
};
function withProbes(raw: RawNode, probes: Partial<RawNode['probes']>): RawNode {
  return { ...raw, probes: { ...raw.probes, ...probes } };
}

describe('nodeFactsFromRaw', () => {
  it.each([
    ['2012R2', 9600],
    ['2016', 14393],
    ['2019', 17763],
    ['2022', 20348],
    ['2025', 26100],
  ] as const)('a %s Datacenter host', (release, build) => {
    expect(nodeFactsFromRaw(doc({ release }), NOW)).toMatchObject({
      release,
      build,
      edition: 'datacenter',
      editionId: 'ServerDatacenter',
      activated: true,
      licenseState: 'Licensed',
      activationExpires: null,
      hyperV: true,
    });
  });

  it('an evaluation host: licensed, counting down, told by EditionID and Description', () => {
    expect(nodeFactsFromRaw(doc({ edition: 'DatacenterEval', graceMinutes: 14400 }), NOW)).toMatchObject({
      edition: 'datacenter-evaluation',
      activated: true,
      activationExpires: '2026-12-02T00:00:00.000Z',
      evaluationLicense: true,
    });
  });

  it('a lapsed activation and a host without Hyper-V, Paused in its cluster', () => {
    expect(nodeFactsFromRaw(doc({ licenseStatus: 5, hyperV: false, state: 'Paused' }), NOW)).toMatchObject({
      state: 'Paused',
      activated: false,
      licenseState: 'Notification',
      hyperV: false,
    });
  });

  it('the DrainStatus of its own Get-ClusterNode row', () => {
    expect(nodeFactsFromRaw(doc({ drainStatus: 'InProgress' }), NOW).drainStatus).toBe('InProgress');
    expect(nodeFactsFromRaw(doc({}), NOW).drainStatus).toBe('NotInitiated');
    const odd = withProbes(doc({}), {
      clusterNodes: { ok: true, value: [{ Name: 'h', State: 'Up', DrainStatus: '2' }] },
    });
    expect(nodeFactsFromRaw(odd, NOW)).toMatchObject({ state: 'Up', drainStatus: null });
  });

  it('sources that disagree on Datacenter leave the edition unknown and say so, never Datacenter', () => {
    const raw = withProbes(doc({}), {
      operatingSystem: {
        ok: true,
        value: {
          Caption: 'Microsoft Windows Server 2022 Standard',
          BuildNumber: '20348',
          OperatingSystemSKU: '7',
        },
      },
    });
    expect(nodeFactsFromRaw(raw, NOW).edition).toBeNull();
    const node = nodeFromDocument({ name: 'H', host: 'h', declared: undefined }, raw, NOW);
    expect(node.probeErrors).toContainEqual({
      probe: 'edition',
      message:
        'the sources disagree: registry EditionID ServerDatacenter says Datacenter, OperatingSystemSKU 7 says Standard',
    });
    // Declared facts still win over what was read.
    const declared = nodeFromDocument(
      { name: 'H', host: 'h', declared: { edition: { family: 'standard', text: 'Standard' } } as never },
      raw,
      NOW,
    );
    expect(declared.facts?.edition).toBe('standard');
  });

  it('sources that differ only where AVMA does not care agree: Datacenter and its evaluation', () => {
    const raw = withProbes(doc({}), {
      operatingSystem: {
        ok: true,
        value: {
          Caption: 'Microsoft Windows Server 2022 Datacenter Evaluation',
          BuildNumber: '20348',
          OperatingSystemSKU: '80',
        },
      },
    });
    expect(nodeFactsFromRaw(raw, NOW).edition).toBe('datacenter');
  });

  it('1809 from build 17763 with a semi-annual EditionID', () => {
    const raw = doc({ release: '2019' });
    const sac = withProbes(raw, {
      currentVersion: { ok: true, value: { EditionID: 'ServerDatacenterACor', CurrentBuild: '17763' } },
    });
    expect(nodeFactsFromRaw(sac, NOW)).toMatchObject({ release: '1809', edition: 'datacenter' });
  });

  it('Azure Local: edition from EditionID, no Windows Server release', () => {
    const raw = withProbes(doc({}), {
      currentVersion: { ok: true, value: { EditionID: 'ServerAzureStackHCICor', CurrentBuild: '25398' } },
      operatingSystem: {
        ok: true,
        value: { Caption: 'Microsoft Azure Stack HCI', BuildNumber: '25398', OperatingSystemSKU: '406' },
      },
    });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({ release: null, build: 25398, edition: 'azure-local' });
  });

  it('falls back to the OS SKU and build when the registry probe failed', () => {
    const raw = doc({
      release: '2016',
      edition: 'Standard',
      failingProbes: { currentVersion: 'Requested registry access is not allowed.' },
    });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({
      release: '2016',
      build: 14393,
      edition: 'standard',
      editionId: null,
    });
    expect(probeErrorsOf(raw)).toEqual([
      { probe: 'currentVersion', message: 'Requested registry access is not allowed.' },
    ]);
  });

  it('with no build at all, the release comes from the Caption, or the ProductName', () => {
    const raw = withProbes(doc({ release: '2019' }), {
      currentVersion: {
        ok: true,
        value: { EditionID: 'ServerDatacenter', ProductName: 'Windows Server 2016 Datacenter' },
      },
      operatingSystem: {
        ok: true,
        value: { Caption: 'Microsoft Windows Server 2019 Datacenter', OperatingSystemSKU: '8' },
      },
    });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({ release: '2019', build: null });
    const noCaption = withProbes(raw, { operatingSystem: { ok: false, error: 'Access denied' } });
    expect(nodeFactsFromRaw(noCaption, NOW)).toMatchObject({ release: '2016', build: null });
  });

  it('the build wins over a Caption that names another release', () => {
    const raw = withProbes(doc({ release: '2022' }), {
      operatingSystem: {
        ok: true,
        value: { Caption: 'Microsoft Windows Server 2019 Datacenter', BuildNumber: '20348' },
      },
    });
    expect(nodeFactsFromRaw(raw, NOW).release).toBe('2022');
  });

  it('AVMA requests of the last 30 days: a count, 0, or unknown when the log was denied or not read', () => {
    expect(nodeFactsFromRaw(doc({ avmaRequests: 57 }), NOW).avmaRequests30d).toBe(57);
    expect(nodeFactsFromRaw(doc({ avmaRequests: 0 }), NOW).avmaRequests30d).toBe(0);
    const denied = doc({
      failingProbes: {
        avmaRequests:
          'Could not retrieve information about the Application log. Error: Attempted to perform an unauthorized operation..',
      },
    });
    expect(nodeFactsFromRaw(denied, NOW).avmaRequests30d).toBeNull();
    expect(probeErrorsOf(denied)).toEqual([
      {
        probe: 'avmaRequests',
        message: expect.stringMatching(/^Could not retrieve information about the Application log/),
      },
    ]);
    const { avmaRequests: _, ...version1Probes } = doc({}).probes;
    expect(
      nodeFactsFromRaw({ ...doc({}), collectorVersion: 1, probes: version1Probes }, NOW).avmaRequests30d,
    ).toBeNull();
  });

  it('leaves a fact unknown when its probe failed', () => {
    const raw = doc({
      failingProbes: {
        hyperV: "The term 'Get-WindowsFeature' is not recognized",
        license: 'Access denied',
        vms: 'You do not have the required permission to complete this task.',
      },
    });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({ hyperV: null, activated: null, release: '2022' });
  });

  it('a least-rights account: Get-WindowsFeature denied, but Get-VM answered, so Hyper-V runs', () => {
    const raw = doc({ failingProbes: { hyperV: 'Access is denied.' } });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({ hyperV: true });
  });

  it('no installed product key is not activated', () => {
    expect(nodeFactsFromRaw(withProbes(doc({}), { license: { ok: true, value: [] } }), NOW)).toMatchObject({
      activated: false,
      licenseState: 'Unlicensed',
    });
  });

  it('does not trust numbers that are not digits', () => {
    const raw = withProbes(doc({}), {
      currentVersion: {
        ok: true,
        value: { EditionID: 'ServerDatacenter', CurrentBuild: '20348; Remove-Item C:\\' },
      },
      operatingSystem: { ok: true, value: { BuildNumber: 'abc' } },
    });
    expect(nodeFactsFromRaw(raw, NOW)).toMatchObject({ build: null, release: null });
  });
});

describe('licence rows: only the OS row decides (domain.md 3.5)', () => {
  const rows = JSON.parse(
    readFileSync(new URL('../fixtures/raw/license-2012r2-esu.json', import.meta.url), 'utf8'),
  ) as Record<'collectorV2' | 'collectorV1', RawLicenseRow[]>;
  const withRows = (value: RawLicenseRow[]) =>
    withProbes(doc({ release: '2012R2' }), { license: { ok: true, value } });

  it('a lapsed 2012 R2 host with a licensed ESU add-on is not activated', () => {
    expect(nodeFactsFromRaw(withRows(rows.collectorV2), NOW)).toMatchObject({
      release: '2012R2',
      activated: false,
      licenseState: 'Notification',
      onlyAddOnLicenses: false,
    });
  });

  it('the same rows from a collector without LicenseIsAddon, ESU listed first', () => {
    expect(nodeFactsFromRaw(withRows(rows.collectorV1), NOW)).toMatchObject({
      activated: false,
      licenseState: 'Notification',
    });
  });

  it('a licensed OS row with an unlicensed ESU row is activated', () => {
    const [os, esu] = rows.collectorV2;
    if (!os || !esu) throw new Error('fixture');
    const value = [
      { ...esu, LicenseStatus: '0' },
      { ...os, LicenseStatus: '1' },
    ];
    expect(nodeFactsFromRaw(withRows(value), NOW)).toMatchObject({
      activated: true,
      licenseState: 'Licensed',
    });
  });

  it('only add-on rows: not activated, and it says so', () => {
    const esuOnly = rows.collectorV2.filter((row) => row.LicenseIsAddon);
    expect(nodeFactsFromRaw(withRows(esuOnly), NOW)).toMatchObject({
      activated: false,
      licenseState: 'Unlicensed',
      onlyAddOnLicenses: true,
    });
  });

  it('the simulator prints the same forms', () => {
    expect(nodeFactsFromRaw(doc({ release: '2012R2', licenseStatus: 5, esu: 1 }), NOW)).toMatchObject({
      activated: false,
      licenseState: 'Notification',
    });
    expect(nodeFactsFromRaw(doc({ release: '2012R2', licenseStatus: null, esu: 1 }), NOW)).toMatchObject({
      activated: false,
      onlyAddOnLicenses: true,
    });
  });
});
