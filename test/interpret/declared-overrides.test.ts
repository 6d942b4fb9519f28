import { describe, expect, it } from 'vitest';
import { applyDeclaredVms } from '../../src/interpret/declared-overrides.js';
import { aCluster } from '../helpers/cluster.js';

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
