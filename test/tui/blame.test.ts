// "VMs failing" counts the VMs that fail because of the node: its own faults or the pair's, never the VM's own.
import { describe, expect, it } from 'vitest';
import { blamesNode, failingByNode, failingOn, nodeFindings } from '../../src/tui/blame.js';
import { aCluster } from '../helpers/cluster.js';
import { judged } from '../helpers/judgement.js';

// The demo's cluster: HV01/HV02 healthy 2022, HV03 2019, HV04 Standard, HV05 not activated.
const demo = aCluster('hv-demo')
  .node('HV01')
  .node('HV02')
  .node('HV03', { release: '2019', build: 17763 })
  .node('HV04', { edition: 'standard', editionId: 'ServerStandard' })
  .node('HV05', { activated: false, licenseState: 'Notification' })
  .vm('sql01', { possibleOwners: ['HV01', 'HV02'] })
  .vm('web01')
  .vm('file01', { guest: { release: '2019' }, possibleOwners: ['HV01', 'HV02', 'HV03'] })
  .vm('app2025', { guest: { release: '2025' }, possibleOwners: ['HV01', 'HV02', 'HV03'] })
  .vm('legacy01', { guest: { release: '2016' }, possibleOwners: ['HV01', 'HV02'], kvp: false })
  .build();

const [cluster] = judged([demo]).report.clusters;
if (!cluster) throw new Error('no cluster');

describe('blamesNode', () => {
  it.each([
    ['host-not-datacenter', true],
    ['host-not-activated', true],
    ['host-without-hyper-v', true],
    ['guest-newer-than-host', true],
    ['kvp-disabled', false],
    ['facts-missing', false],
    ['release-not-covered', false],
    ['no-such-rule', false],
  ])('%s: %s', (rule, expected) => {
    expect(blamesNode(rule)).toBe(expected);
  });
});

describe('failingByNode', () => {
  it("counts each node's VMs that fail because of it, not those that fail everywhere for their own reason", () => {
    expect(Object.fromEntries(failingByNode(cluster))).toEqual({
      // app2025 (a 2025 guest) on 2022 hosts; legacy01 (kvp-disabled) is not the node's fault.
      HV01: 1,
      HV02: 1,
      // web01 and app2025 are newer than 2019.
      HV03: 2,
      // web01 is the only VM that can land on the Standard and the unactivated node.
      HV04: 1,
      HV05: 1,
    });
  });

  it("counts a target that fails for the node's reason and the VM's own", () => {
    const both = aCluster('c')
      .node('STD', { edition: 'standard', editionId: 'ServerStandard' })
      .vm('v', { kvp: false })
      .build();
    const [result] = judged([both]).report.clusters;
    expect(result && failingByNode(result).get('STD')).toBe(1);
  });

  it('takes the rule scopes it is given', () => {
    expect(failingByNode(cluster, () => true).get('HV01')).toBe(2);
  });
});

describe('failingOn', () => {
  it('names the VMs failing because of the node, and those failing there for their own reasons', () => {
    expect(failingOn(cluster, 'HV01')).toEqual({
      because: ['app2025'],
      own: [{ vm: 'legacy01', rules: ['kvp-disabled'] }],
    });
    expect(failingOn(cluster, 'HV04')).toEqual({ because: ['web01'], own: [] });
  });
});

describe('nodeFindings', () => {
  it("lists each node's own findings, not its targets'", () => {
    const byNode = nodeFindings(cluster);
    expect(byNode.get('HV04')?.map((f) => f.rule)).toEqual(['host-not-datacenter']);
    expect(byNode.get('HV05')?.map((f) => f.rule)).toEqual(['host-not-activated']);
    expect(byNode.get('HV03')).toBeUndefined();
  });
});
