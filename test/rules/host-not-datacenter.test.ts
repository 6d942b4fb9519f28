import { describe } from 'vitest';
import rule from '../../src/rules/host-not-datacenter.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-not-datacenter', () => {
  ruleTester(rule, {
    valid: [
      { name: 'Datacenter', cluster: aCluster().node('N1').build() },
      {
        name: 'Datacenter Evaluation counts as Datacenter',
        cluster: aCluster().node('N1', { edition: 'datacenter-evaluation' }).build(),
      },
      {
        name: 'Azure Local is judged by its AVMA source',
        cluster: aCluster().node('N1', { edition: 'azure-local' }).build(),
      },
      {
        name: 'Azure Edition is unconfirmed, not failed',
        cluster: aCluster().node('N1', { edition: 'datacenter-azure-edition' }).build(),
      },
      { name: 'unknown edition', cluster: aCluster().node('N1', { edition: null }).build() },
    ],
    invalid: [
      {
        name: 'Standard',
        cluster: aCluster()
          .node('N1')
          .node('N2', { edition: 'standard', editionId: 'ServerStandardCor' })
          .build(),
        findings: [
          { node: 'N2', message: /N2 runs Standard \(EditionID ServerStandardCor\); only Datacenter/ },
        ],
      },
      {
        name: 'Essentials, Hyper-V Server, Standard Evaluation, Datacenter without Hyper-V and Foundation',
        cluster: aCluster()
          .node('E', { edition: 'essentials' })
          .node('H', { edition: 'hyper-v-server' })
          .node('S', { edition: 'standard-evaluation' })
          .node('V', { edition: 'datacenter-without-hyper-v' })
          .node('F', { edition: 'foundation', editionId: 'ServerFoundation' })
          .build(),
        findings: [
          { node: 'E', message: /Essentials/ },
          { node: 'H', message: /Hyper-V Server/ },
          { node: 'S', message: /Standard Evaluation/ },
          { node: 'V', message: /Datacenter without Hyper-V/ },
          { node: 'F', message: /F runs Foundation \(EditionID ServerFoundation\)/ },
        ],
      },
    ],
  });
});
