import { describe } from 'vitest';
import rule from '../../src/rules/guest-unknown.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('guest-unknown', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a known guest', cluster: aCluster().node('N1').vm('app').build() },
      {
        name: 'a build without a known release (release-not-covered says so)',
        cluster: aCluster()
          .node('N1')
          .vm('app', { guest: { release: null, build: 30000 } })
          .build(),
      },
      {
        name: 'unknown, but declared activation: other',
        cluster: aCluster().node('N1').vm('app', { guest: null, activation: 'other' }).build(),
      },
    ],
    invalid: [
      {
        name: 'no guest facts (VM off, KVP empty)',
        cluster: aCluster().node('N1').vm('app', { guest: null }).build(),
        findings: [{ vm: 'app', message: /app: guest OS unknown/ }],
      },
      {
        name: 'a Windows Server guest with a name but no release or build',
        cluster: aCluster()
          .node('N1')
          .vm('app', { guest: { release: null, build: null, name: 'Windows Server Datacenter' } })
          .build(),
        findings: [{ vm: 'app', message: /release of "Windows Server Datacenter" unknown/ }],
      },
    ],
  });
});
