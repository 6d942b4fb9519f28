import { describe } from 'vitest';
import rule from '../../src/rules/activation-unknown.js';
import { rules } from '../../src/rules/index.js';
import { aCluster } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('activation-unknown', () => {
  ruleTester(rule, {
    alongside: rules,
    valid: [
      {
        name: 'activation unknown, but ok on every node',
        cluster: aCluster().node('N1').node('N2').vm('app', { activation: 'unknown' }).build(),
      },
      {
        name: 'activation known to be AVMA: a plain failure',
        cluster: aCluster().node('N1').node('N2', { edition: 'standard' }).vm('app').build(),
      },
      {
        name: 'activation unknown, facts missing but nothing failing',
        cluster: aCluster()
          .node('N1')
          .node('N2', { hyperV: null })
          .vm('app', { activation: 'unknown', activationBasis: 'default' })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'activation unknown, failing on two nodes',
        cluster: aCluster()
          .node('N1')
          .node('N2', { edition: 'standard' })
          .node('N3', { release: '2019' })
          .vm('app', { activation: 'unknown', activationBasis: 'pattern' })
          .build(),
        findings: [
          {
            vm: 'app',
            message: /^app would lose activation on N2, N3 if it uses AVMA; whether it does is not known$/,
          },
        ],
      },
    ],
  });
});
