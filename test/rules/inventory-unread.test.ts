import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { evaluateGate } from '../../src/analyze/gate.js';
import rule from '../../src/rules/inventory-unread.js';
import { aCluster, NOW } from '../helpers/cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DENIED = { probe: 'vms', message: 'You do not have the required permission to complete this task.' };
const answered = (name: string, probeErrors = [DENIED]) => ({
  name,
  facts: aCluster().node(name).build().nodes[0]?.facts ?? null,
  probeErrors,
});

describe('inventory-unread', () => {
  ruleTester(rule, {
    valid: [
      { name: 'every node listed its VMs', cluster: aCluster().node('N1').node('N2').vm('app').build() },
      {
        name: 'another probe failed (the event log)',
        cluster: aCluster()
          .rawNode(answered('N1', [{ probe: 'avmaRequests', message: 'denied' }]))
          .build(),
      },
      {
        name: 'a node that did not answer at all (node-unreachable speaks for it)',
        cluster: aCluster()
          .rawNode({
            name: 'N1',
            error: { kind: 'timeout', message: 'no answer', hint: null },
            probeErrors: [DENIED],
          })
          .build(),
      },
    ],
    invalid: [
      {
        name: 'a node answered but Get-VM was denied, with no VM left in the report',
        cluster: aCluster().rawNode(answered('N1')).node('N2').build(),
        findings: [
          { message: /^could not list the VMs of a node: N1 \(You do not have the required permission/ },
        ],
      },
      {
        name: 'two nodes, in one finding',
        cluster: aCluster().rawNode(answered('N1')).rawNode(answered('N2')).vm('app').build(),
        findings: [{ message: /of 2 nodes: N1 .*; N2 .*missing from this report$/ }],
      },
    ],
  });

  it('makes the run incomplete, never a pass, though no VM is left to judge', () => {
    const report = analyze([aCluster().rawNode(answered('N1')).build()], { now: NOW });
    expect(report.clusters[0]?.vms).toEqual([]);
    const gate = evaluateGate(report, 0, { failOn: 'error', unknown: 'fail' });
    expect(gate).toMatchObject({ verdict: 'incomplete', unreadInventories: 1 });
    expect(evaluateGate(report, 0, { failOn: 'error', unknown: 'pass' }).verdict).toBe('pass');
  });
});
