import { describe, expect, it } from 'vitest';
import {
  applyActivationSettings,
  applyDeclaredVms,
  overrideFacts,
} from '../../src/interpret/declared-overrides.js';
import { aCluster, hostFacts } from '../helpers/cluster.js';

describe('applyDeclaredVms', () => {
  const scanned = aCluster('c')
    .node('HV01')
    .node('HV02')
    .vm('app', { possibleOwners: ['HV01', 'HV02'] })
    .build();

  it('declared possible owners win, each once whatever its case', () => {
    const declared = aCluster('c')
      .vm('APP', { possibleOwners: ['HV02', 'hv02', 'Hv01'] })
      .build();
    const result = applyDeclaredVms(scanned, declared);
    expect(result.vms.map((vm) => [vm.name, vm.possibleOwners])).toEqual([['app', ['HV02', 'Hv01']]]);
  });
});

describe('overrideFacts', () => {
  it('a node declared Azure Local has no Windows Server release, whatever its build says', () => {
    const scanned = hostFacts({ release: '2022', build: 20348, edition: 'datacenter' });
    const declared = hostFacts({
      release: null,
      edition: 'azure-local',
      editionId: null,
      azureLocalAvma: '2022',
    });
    const result = overrideFacts(scanned, declared, {
      edition: { family: 'azure-local', text: 'AzureLocal' },
      azureLocalAvma: '2022',
    });
    expect(result).toMatchObject({
      release: null,
      build: 20348,
      edition: 'azure-local',
      azureLocalAvma: '2022',
    });
  });
});

describe('applyActivationSettings (scanned VMs)', () => {
  const scanned = aCluster('c').node('HV01').vm('kms-01').vm('LAB-7').vm('app').build();
  const settings = {
    default: 'unknown' as const,
    exceptions: [
      { vms: 'kms-*', activation: 'other' as const },
      { vms: ['lab-*'], activation: 'avma' as const },
    ],
  };

  it('gives each scanned VM its activation and where it came from', () => {
    const result = applyActivationSettings(scanned, settings);
    expect(result.vms.map((vm) => [vm.name, vm.activation, vm.activationBasis])).toEqual([
      ['kms-01', 'other', 'pattern'],
      ['LAB-7', 'avma', 'pattern'],
      ['app', 'unknown', 'default'],
    ]);
  });

  it('with no settings, AVMA is assumed', () => {
    expect(applyActivationSettings(scanned, undefined).vms.map((vm) => vm.activationBasis)).toEqual([
      'assumed',
      'assumed',
      'assumed',
    ]);
  });

  it('a declared VM still wins over the settings', () => {
    const declared = aCluster('c').vm('kms-01', { activation: 'avma', activationBasis: 'declared' }).build();
    const result = applyDeclaredVms(applyActivationSettings(scanned, settings), declared);
    expect(result.vms[0]).toMatchObject({ name: 'kms-01', activation: 'avma', activationBasis: 'declared' });
  });
});
