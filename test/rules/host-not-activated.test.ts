import { describe } from 'vitest';
import rule from '../../src/rules/host-not-activated.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('host-not-activated', () => {
  ruleTester(rule, {
    valid: [
      { name: 'activated', cluster: aCluster().node('N1').build() },
      {
        name: 'activation not known (facts-missing says so)',
        cluster: aCluster().node('N1', { activated: null }).build(),
      },
      {
        name: 'time-limited activation still running',
        cluster: aCluster().node('N1', { activationExpires: '2026-11-23T00:00:00.000Z' }).build(),
      },
    ],
    invalid: [
      {
        name: 'not activated, with its licence state',
        cluster: aCluster().node('N1', { activated: false, licenseState: 'Notification' }).build(),
        findings: [{ node: 'N1', message: /N1 is not activated \(licence state Notification\)/ }],
      },
      {
        name: 'only add-on licences (ESU) installed',
        cluster: aCluster()
          .node('N1', { activated: false, licenseState: 'Unlicensed', onlyAddOnLicenses: true })
          .build(),
        findings: [{ node: 'N1', message: /N1 is not activated: only add-on licences \(such as ESU\)/ }],
      },
      {
        name: 'a time-limited activation that has ended',
        cluster: aCluster().node('N1', { activationExpires: '2026-11-01T00:00:00.000Z' }).build(),
        findings: [{ node: 'N1', message: /expired on 2026-11-01/ }],
      },
    ],
  });
});
