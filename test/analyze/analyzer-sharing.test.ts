// VMs judged alike share one list of results (judge-vm.ts). Alike means the same hits on the same targets:
// two VMs hit by the same rule once each, on different nodes, must not share, first or after a change.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/analyzer.js';
import { applyChanges } from '../../src/analyze/what-if.js';
import type { ClusterRecord } from '../../src/model/facts.js';
import { defineRule } from '../../src/rules/types.js';
import { aCluster, NOW } from '../helpers/cluster.js';

// Fails a VM on the node whose name ends as the VM's does: vm-1 and vm-11 on n1, vm-2 on n2.
const sameEnding = defineRule({
  id: 'same-ending',
  severity: 'error',
  title: 'test rule',
  explanation: 'test rule',
  remedy: 'none',
  checkTarget: ({ vm, node }) =>
    vm.name.slice(-1) === node.name.slice(-1) ? { message: `${vm.name} on ${node.name}` } : undefined,
});

const cluster = aCluster('c').node('n1').node('n2').node('n3').vm('vm-1').vm('vm-2').vm('vm-11').build();

const failingOn = (
  clusters: readonly ClusterRecord[],
  analyzer = createAnalyzer({ now: NOW, rules: [sameEnding] }, true),
) =>
  analyzer
    .analyze(clusters)
    .clusters[0]?.vms.map((vm) => [
      vm.name,
      vm.targets.filter((t) => t.verdict === 'fail').map((t) => t.node),
    ]);

describe('results shared between VMs', () => {
  it('are not shared by VMs hit by one rule on different nodes', () => {
    expect(failingOn([cluster])).toEqual([
      ['vm-1', ['n1']],
      ['vm-2', ['n2']],
      ['vm-11', ['n1']],
    ]);
  });

  it('stay apart after a change, as a fresh analysis finds', () => {
    const analyzer = createAnalyzer({ now: NOW, rules: [sameEnding] }, true);
    failingOn([cluster], analyzer);
    for (const change of [
      { kind: 'drain', cluster: 'c', node: 'n3' },
      { kind: 'drain', cluster: 'c', node: 'n1' },
      { kind: 'upgrade', cluster: 'c', node: 'n2', release: '2025' },
    ] as const) {
      const changed = applyChanges([cluster], [change]);
      expect(failingOn(changed, analyzer)).toEqual(
        failingOn(changed, createAnalyzer({ now: NOW, rules: [sameEnding] }, false)),
      );
    }
  });
});
