import { describe } from 'vitest';
import rule from '../../src/rules/possible-owners-unread.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DENIED = {
  probe: 'clusterGroups',
  message:
    'You do not have administrative privileges on the cluster. Contact your network administrator to request access.',
};
const NO_MODULE = {
  probe: 'clusterGroups',
  message:
    "The term 'Get-ClusterGroup' is not recognized as the name of a cmdlet, function, script file, or operable program.",
};
const facts = aCluster().node('X').build().nodes[0]?.facts ?? null;
const node = (name: string, probeErrors = [DENIED]) => ({ name, facts, probeErrors });

describe('possible-owners-unread', () => {
  ruleTester(rule, {
    valid: [
      { name: 'declared nodes', cluster: aCluster().node('N1').node('N2').vm('app').build() },
      {
        name: 'one node read the groups',
        cluster: aCluster().rawNode(node('N1')).rawNode(node('N2', [])).vm('app').build(),
      },
      {
        name: 'standalone hosts: no cluster module',
        cluster: aCluster()
          .rawNode(node('N1', [NO_MODULE]))
          .rawNode(node('N2', [NO_MODULE]))
          .vm('app')
          .build(),
      },
      { name: 'a single host', cluster: aCluster().rawNode(node('N1')).vm('app').build() },
    ],
    invalid: [
      {
        name: 'access to the cluster denied on every node that answered',
        cluster: aCluster()
          .rawNode(node('N1'))
          .rawNode(node('N2'))
          .rawNode({ name: 'N3', error: { kind: 'timeout', message: 'no answer', hint: null } })
          .vm('app')
          .build(),
        findings: [
          {
            message:
              /could not be read on any node \(You do not have administrative privileges.*judged on every node/,
          },
        ],
      },
    ],
  });
});
