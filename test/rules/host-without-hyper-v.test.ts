import { describe } from 'vitest';
import rule from '../../src/rules/host-without-hyper-v.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-without-hyper-v', () => {
  ruleTester(rule, {
    valid: [
      { name: 'Hyper-V installed', cluster: aCluster().node('N1').build() },
      { name: 'Hyper-V unknown', cluster: aCluster().node('N1', { hyperV: null }).build() },
    ],
    invalid: [
      {
        name: 'no Hyper-V role',
        cluster: aCluster().node('N1').node('N2', { hyperV: false }).build(),
        findings: [{ node: 'N2', message: /N2 does not have the Hyper-V role/ }],
      },
    ],
  });
});
