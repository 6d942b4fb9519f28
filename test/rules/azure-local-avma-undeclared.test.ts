import { describe } from 'vitest';
import rule from '../../src/rules/azure-local-avma-undeclared.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('azure-local-avma-undeclared', () => {
  ruleTester(rule, {
    valid: [
      { name: 'Windows Server host', cluster: aCluster().node('N1').build() },
      {
        name: 'Azure Local with a declared source',
        cluster: aCluster()
          .node('N1', { edition: 'azure-local', release: null, azureLocalAvma: 'subscription' })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'Azure Local without one',
        cluster: aCluster().node('N1', { edition: 'azure-local', release: null }).build(),
        findings: [{ node: 'N1', message: /N1 runs Azure Local, and how it provides AVMA is not declared/ }],
      },
    ],
  });
});
