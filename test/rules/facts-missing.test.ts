import { describe } from 'vitest';
import rule from '../../src/rules/facts-missing.js';
import { aCluster, hostFacts } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('facts-missing', () => {
  ruleTester(rule, {
    valid: [
      { name: 'every fact known', cluster: aCluster().node('N1').vm('app').build() },
      {
        name: 'release known from the build alone',
        cluster: aCluster().node('N1', { release: null }).build(),
      },
      {
        name: 'Azure Local needs no Windows Server release',
        cluster: aCluster().node('N1', { edition: 'azure-local', release: null, build: null }).build(),
      },
      {
        name: 'an unread node is node-unreachable, not this',
        cluster: aCluster()
          .rawNode({ name: 'N1', error: { kind: 'auth', message: 'denied', hint: null } })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'a node missing several facts',
        cluster: aCluster().node('N1', { edition: null, release: null, build: null, hyperV: null }).build(),
        findings: [{ node: 'N1', message: /N1: unknown edition, release, Hyper-V/ }],
      },
      {
        name: 'a node with no facts and no error',
        cluster: aCluster().rawNode({ name: 'N1' }).build(),
        findings: [{ node: 'N1', message: /unknown every fact/ }],
      },
      {
        name: 'a VM whose KVP state is unknown',
        cluster: aCluster().node('N1').vm('app', { kvp: null }).build(),
        findings: [{ vm: 'app', message: /app: unknown whether Key-Value Pair Exchange is enabled/ }],
      },
    ],
  });
});

describe('facts-missing with probe errors', () => {
  ruleTester(rule, {
    valid: [],
    invalid: [
      {
        name: 'says which probe failed',
        cluster: aCluster()
          .rawNode({
            name: 'N1',
            facts: hostFacts({ hyperV: null }),
            probeErrors: [{ probe: 'hyperV', message: "The term 'Get-WindowsFeature' is not recognized" }],
          })
          .build(),
        findings: [
          {
            node: 'N1',
            message:
              /N1: unknown Hyper-V \(hyperV probe failed: The term 'Get-WindowsFeature' is not recognized \(needs local Administrators \(Get-WindowsFeature\)\)\)/,
          },
        ],
      },
    ],
  });
});
