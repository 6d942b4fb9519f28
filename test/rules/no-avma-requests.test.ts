import { describe } from 'vitest';
import rule from '../../src/rules/no-avma-requests.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

const quiet = { avmaRequests30d: 0 };

describe('no-avma-requests', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'counts not known (declared nodes)',
        cluster: aCluster().node('N1').node('N2').vm('app').build(),
      },
      {
        name: 'one node logged requests',
        cluster: aCluster().node('N1', quiet).node('N2', { avmaRequests30d: 3 }).vm('app').build(),
      },
      {
        name: "one node's count is unknown (its log was denied)",
        cluster: aCluster().node('N1', quiet).node('N2').vm('app').build(),
      },
      {
        name: 'every VM is declared or matched by a pattern',
        cluster: aCluster()
          .node('N1', quiet)
          .vm('a', { activationBasis: 'declared' })
          .vm('b', { activationBasis: 'pattern' })
          .build(),
      },
      {
        name: 'VMs by default other or unknown, none assumed to use AVMA',
        cluster: aCluster()
          .node('N1', quiet)
          .vm('a', { activation: 'other', activationBasis: 'default' })
          .vm('b', { activation: 'unknown', activationBasis: 'default' })
          .build(),
      },
      {
        name: 'the only assumed VM is not judged (Linux)',
        cluster: aCluster()
          .node('N1', quiet)
          .vm('linux', { guest: { family: 'other' } })
          .build(),
      },
      { name: 'no VMs', cluster: aCluster().node('N1', quiet).build() },
      {
        name: 'a possible owner that was not read',
        cluster: aCluster()
          .node('N1', quiet)
          .vm('app', { possibleOwners: ['N1', 'GONE'] })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'every node logged 0 while VMs are assumed to use AVMA',
        cluster: aCluster('prod').node('N1', quiet).node('N2', quiet).vm('app').vm('db').build(),
        findings: [
          {
            message:
              /^no node of prod logged an AVMA request \(event 12310\) in the last 30 days \(N1 0, N2 0\), yet 2 VMs are assumed to use AVMA \(app, db\); if they are activated by KMS or MAK, declare activation: other/,
          },
        ],
      },
      {
        name: 'by the default of the config (avma), naming five VMs and counting the rest',
        cluster: ['a', 'b', 'c', 'd', 'e', 'f', 'g']
          .reduce(
            (builder, name) => builder.vm(name, { activationBasis: 'default' }),
            aCluster('prod').node('N1', quiet),
          )
          .build(),
        findings: [{ message: /yet 7 VMs are assumed to use AVMA \(a, b, c, d, e and 2 more\)/ }],
      },
    ],
  });
});
