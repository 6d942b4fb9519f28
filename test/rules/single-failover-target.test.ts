import { describe } from 'vitest';
import rule from '../../src/rules/single-failover-target.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('single-failover-target', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'every node of a two-node cluster',
        cluster: aCluster().node('N1').node('N2').vm('app').build(),
      },
      {
        name: 'two possible owners',
        cluster: aCluster()
          .node('N1')
          .node('N2')
          .node('N3')
          .vm('app', { possibleOwners: ['N1', 'N3'] })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'one possible owner',
        cluster: aCluster()
          .node('N1')
          .node('N2')
          .vm('app', { possibleOwners: ['N2'] })
          .build(),
        findings: [{ vm: 'app', message: /app can run only on N2/ }],
      },
      {
        name: 'a one-node cluster',
        cluster: aCluster().node('N1').vm('app').build(),
        findings: [{ vm: 'app', message: /only on N1/ }],
      },
    ],
  });
});
