import { describe } from 'vitest';
import rule from '../../src/rules/guest-newer-than-host.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('guest-newer-than-host', () => {
  ruleTester(rule, {
    valid: [
      { name: 'same release', cluster: aCluster().node('N1').vm('app').build() },
      {
        name: 'older guest',
        cluster: aCluster()
          .node('N1', { release: '2019' })
          .vm('app', { guest: { release: '2016' } })
          .build(),
      },
      {
        name: '1803 guest on a 2016 host (2016 keys)',
        cluster: aCluster()
          .node('N1', { release: '2016' })
          .vm('app', { guest: { release: '1803' } })
          .build(),
      },
      {
        name: 'unknown host release',
        cluster: aCluster().node('N1', { release: null, build: null }).vm('app').build(),
      },
      {
        name: 'semi-annual host is not judged here',
        cluster: aCluster()
          .node('N1', { release: '1809' })
          .vm('app', { guest: { release: '2019' } })
          .build(),
      },
      {
        name: 'Azure Local with a subscription covers 2025',
        cluster: aCluster()
          .node('N1', { edition: 'azure-local', release: null, azureLocalAvma: 'subscription' })
          .vm('app', { guest: { release: '2025' } })
          .build(),
      },
    ],
    invalid: [
      {
        name: '2025 guest on a 2022 host',
        cluster: aCluster()
          .node('N1')
          .node('N2', { release: '2025' })
          .vm('app', { guest: { release: '2025' } })
          .build(),
        findings: [
          {
            node: 'N1',
            vm: 'app',
            message: /app runs Windows Server 2025, which N1 on Windows Server 2022 cannot activate/,
          },
        ],
      },
      {
        name: '1809 guest on a 2016 host, judged by its 2019 keys',
        cluster: aCluster()
          .node('N1', { release: '2016' })
          .vm('app', { guest: { release: '1809' } })
          .build(),
        findings: [
          {
            node: 'N1',
            vm: 'app',
            message: /version 1809 \(judged as Windows Server 2019 by its AVMA keys\)/,
          },
        ],
      },
      {
        name: 'a 2012 host activates nothing',
        cluster: aCluster()
          .node('N1', { release: '2012' })
          .vm('app', { guest: { release: '2012R2' } })
          .build(),
        findings: [{ node: 'N1', vm: 'app', message: /N1 on Windows Server 2012 cannot activate/ }],
      },
      {
        name: '2025 guest on Azure Local with 2022 keys',
        cluster: aCluster()
          .node('N1', { edition: 'azure-local', release: null, azureLocalAvma: '2022' })
          .vm('app', { guest: { release: '2025' } })
          .build(),
        findings: [{ node: 'N1', vm: 'app', message: /Azure Local with 2022 AVMA keys cannot activate/ }],
      },
    ],
  });
});
