import { describe } from 'vitest';
import rule from '../../src/rules/host-evaluation-edition.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-evaluation-edition', () => {
  ruleTester(rule, {
    valid: [
      { name: 'licensed Datacenter', cluster: aCluster().node('N1').build() },
      { name: 'Standard (another rule)', cluster: aCluster().node('N1', { edition: 'standard' }).build() },
    ],
    invalid: [
      {
        name: 'evaluation edition, with its end date',
        cluster: aCluster()
          .node('N1', { edition: 'datacenter-evaluation', activationExpires: '2027-02-01T00:00:00.000Z' })
          .build(),
        findings: [{ node: 'N1', message: /N1 runs an evaluation licence, ending on 2027-02-01/ }],
      },
      {
        name: 'evaluation told by the licence description alone',
        cluster: aCluster().node('N1', { evaluationLicense: true }).build(),
        findings: [{ node: 'N1', message: /evaluation hosts are not confirmed AVMA hosts/ }],
      },
    ],
  });
});
