import { describe } from 'vitest';
import rule from '../../src/rules/node-unreachable.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('node-unreachable', () => {
  ruleTester(rule, {
    valid: [{ name: 'a node with facts', cluster: aCluster().node('N1').build() }],
    invalid: [
      {
        name: 'a node whose scan failed',
        cluster: aCluster()
          .node('N1')
          .rawNode({ name: 'N2', error: { kind: 'timeout', message: 'no answer within 30 s', hint: null } })
          .build(),
        findings: [{ node: 'N2', message: /N2 could not be read \(timeout\): no answer within 30 s/ }],
      },
    ],
  });
});
