import { describe } from 'vitest';
import rule from '../../src/rules/host-edition-unconfirmed.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-edition-unconfirmed', () => {
  ruleTester(rule, {
    valid: [
      { name: 'Datacenter', cluster: aCluster().node('N1').build() },
      { name: 'Standard fails elsewhere', cluster: aCluster().node('N1', { edition: 'standard' }).build() },
    ],
    invalid: [
      {
        name: 'Datacenter: Azure Edition as a host',
        cluster: aCluster()
          .node('N1', { edition: 'datacenter-azure-edition', editionId: 'ServerTurbine' })
          .build(),
        findings: [
          {
            node: 'N1',
            message: /Datacenter: Azure Edition \(EditionID ServerTurbine\), which is not confirmed/,
          },
        ],
      },
    ],
  });
});
