import { describe } from 'vitest';
import rule from '../../src/rules/kvp-disabled.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('kvp-disabled', () => {
  ruleTester(rule, {
    valid: [
      { name: 'KVP on', cluster: aCluster().node('N1').vm('app').build() },
      {
        name: 'KVP unknown (facts-missing says so)',
        cluster: aCluster().node('N1').vm('app', { kvp: null }).build(),
      },
      {
        name: 'KVP off on a VM that does not use AVMA',
        cluster: aCluster().node('N1').vm('app', { kvp: false, activation: 'other' }).build(),
      },
    ],
    invalid: [
      {
        name: 'KVP off',
        cluster: aCluster().node('N1').vm('app', { kvp: false }).build(),
        findings: [{ vm: 'app', message: /app has Key-Value Pair Exchange disabled/ }],
      },
    ],
  });
});
