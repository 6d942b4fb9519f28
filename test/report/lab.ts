// The cluster the formatter tests share, and a hostile one.
import { aCluster } from '../helpers/cluster.js';

export const lab = aCluster('lab')
  .node('N1')
  .node('N2', { release: '2019', build: 17763 })
  .node('N3', { edition: 'standard', activationExpires: '2026-12-01T00:00:00.000Z' })
  .rawNode({
    name: 'N4',
    error: { kind: 'auth', message: 'refused', hint: 'check the key' },
    probeErrors: [],
  })
  .vm('web01', { possibleOwners: ['N1', 'N2', 'N3'] })
  .vm('old01', { guest: { release: '2016' }, possibleOwners: ['N1', 'N2'] })
  .vm('maybe', { guest: { release: '2016' }, possibleOwners: ['N1', 'N4'] })
  .vm('kms', { activation: 'other' })
  .vm('x<&>"\u001b[2J\ud800', { possibleOwners: ['N3'] })
  .build();

export const hostile = aCluster('\u001b]0;owned\u0007c|`*')
  .node('N\u001b[2J1')
  .node('N2', { edition: 'standard' })
  .vm('vm\u001b[31m\u202eevil', {
    guest: { release: null, build: null, name: `Windows\u0007${'x'.repeat(5000)}` },
  })
  .vm('pipe|<b>*bold*</b>', { guest: { release: '2025' } })
  .build();
