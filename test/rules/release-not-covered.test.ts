import { describe } from 'vitest';
import rule from '../../src/rules/release-not-covered.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('release-not-covered', () => {
  ruleTester(rule, {
    valid: [
      { name: 'LTSC host and guest', cluster: aCluster().node('N1').vm('app').build() },
      {
        name: 'semi-annual 1809 guest (judged as 2019)',
        cluster: aCluster()
          .node('N1')
          .vm('app', { guest: { release: '1809' } })
          .build(),
      },
      {
        name: 'a 2012 host (guest-newer-than-host fails it)',
        cluster: aCluster().node('N1', { release: '2012' }).build(),
      },
      {
        name: '2016 guest on Azure Local',
        cluster: aCluster()
          .node('N1', { edition: 'azure-local', release: null, azureLocalAvma: '2022' })
          .vm('app', { guest: { release: '2016' } })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'a semi-annual host',
        cluster: aCluster().node('N1', { release: '1809', build: 17763 }).build(),
        findings: [
          { node: 'N1', message: /N1 runs Windows Server, version 1809; no AVMA table lists it as a host/ },
        ],
      },
      {
        name: 'a host build avma-check does not know',
        cluster: aCluster().node('N1', { release: null, build: 27000 }).build(),
        findings: [{ node: 'N1', message: /N1 runs build 27000, not a known release/ }],
      },
      {
        name: 'a 23H2 guest (no AVMA keys)',
        cluster: aCluster()
          .node('N1')
          .vm('app', { guest: { release: '23H2', build: 25398 } })
          .build(),
        findings: [{ vm: 'app', message: /app runs Windows Server, version 23H2, for which no AVMA keys/ }],
      },
      {
        name: 'a guest build avma-check does not know',
        cluster: aCluster()
          .node('N1')
          .vm('app', { guest: { release: null, build: 30000 } })
          .build(),
        findings: [{ vm: 'app', message: /app runs build 30000, not a known release/ }],
      },
      {
        name: 'a 2012 R2 guest on Azure Local',
        cluster: aCluster()
          .node('N1', { edition: 'azure-local', release: null, azureLocalAvma: 'subscription' })
          .vm('app', { guest: { release: '2012R2' } })
          .build(),
        findings: [{ node: 'N1', vm: 'app', message: /Azure Local's AVMA table does not list/ }],
      },
    ],
  });
});
