import { describe, expect, it } from 'vitest';
import type { NodeScan } from '../../src/interpret/assemble-cluster.js';
import type { RawNode } from '../../src/interpret/raw-schema.js';
import { unreadNode } from '../../src/model/facts.js';
import { nodesToAskForGroups, withGroupsFrom } from '../../src/scan/cluster-groups.js';
import { hostDocument, type SimClusterSpec, type SimHost } from '../../src/sim/recordings.js';

const spec: SimClusterSpec = {
  name: 'lab',
  hosts: [
    { name: 'HV01', release: '2022', edition: 'Datacenter' },
    { name: 'HV02', release: '2022', edition: 'Datacenter' },
  ],
  vms: [{ name: 'app', owner: 'HV01', guest: { release: '2022', edition: 'Standard' } }],
};

function document(name: string, probes: Partial<RawNode['probes']> = {}): RawNode {
  const whole = hostDocument(spec, spec.hosts.find((h) => h.name === name) as SimHost) as RawNode;
  return { ...whole, probes: { ...whole.probes, ...probes } };
}
function withoutGroups(raw: RawNode): RawNode {
  const { clusterGroups: _left, ...probes } = raw.probes;
  return { ...raw, probes };
}
const scanned = (raw: RawNode | null, name = 'HV02'): NodeScan => ({
  node: raw
    ? unreadNode(name, { kind: 'timeout', message: 'unused', hint: null })
    : unreadNode(name, { kind: 'unreachable', message: 'connection refused', hint: null }),
  raw,
});

describe('nodesToAskForGroups', () => {
  it('asks nobody once a node read them', () => {
    expect(
      nodesToAskForGroups([scanned(document('HV01')), scanned(withoutGroups(document('HV02')))]),
    ).toEqual([]);
  });

  it('asks every node that left them to a reader that failed, but not nodes that did not answer', () => {
    const left = scanned(withoutGroups(document('HV02')));
    const denied = scanned(document('HV01', { clusterGroups: { ok: false, error: 'Access is denied' } }));
    expect(nodesToAskForGroups([denied, left, scanned(null)])).toEqual([left]);
  });

  it('asks no host whose own probes say it is in no cluster', () => {
    const standalone = scanned(
      withoutGroups(
        document('HV02', { clusterNodes: { ok: false, error: 'The cluster service is not running.' } }),
      ),
    );
    const member = scanned(
      withoutGroups(document('HV02', { clusterNodes: { ok: false, error: 'Access is denied.' } })),
    );
    expect(nodesToAskForGroups([scanned(null, 'HV01'), standalone, member])).toEqual([member]);
  });
});

describe('withGroupsFrom', () => {
  const first = withoutGroups(document('HV02'));

  it("takes the groups of the node's second answer and keeps its first answer's other facts", () => {
    const again = document('HV02', { hyperV: { ok: false, error: 'changed meanwhile' } });
    const merged = withGroupsFrom(first, scanned(again));
    expect(merged.probes.clusterGroups).toEqual(again.probes.clusterGroups);
    expect(merged.probes.hyperV).toEqual(first.probes.hyperV);
  });

  it('records a second answer that failed as a failure of this probe, naming why', () => {
    expect(withGroupsFrom(first, scanned(null)).probes.clusterGroups).toEqual({
      ok: false,
      error: "the node was asked again for the cluster's VM groups and did not give them: connection refused",
    });
    expect(withGroupsFrom(first, scanned(withoutGroups(document('HV02')))).probes.clusterGroups).toEqual({
      ok: false,
      error: "the node did not send the cluster's VM groups it was asked for",
    });
  });
});
