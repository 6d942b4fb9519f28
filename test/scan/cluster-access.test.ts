// A scan account without read access to the cluster (Grant-ClusterAccess forgotten) or to Hyper-V: real scans
// of simulated nodes over SSH, then check of the saved facts in every format. Never a pass on what was hidden.
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../src/model/snapshot.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type Json, runMain, tempFiles } from '../helpers/run-main.js';
import { simScan } from '../helpers/sim-scan.js';

const NO_CLUSTER_ACCESS =
  'You do not have administrative privileges on the cluster. Contact your network administrator to request access.';
const NO_HYPER_V =
  'You do not have the required permission to complete this task. Contact the administrator of the authorization policy for the computer';

const denied = (probes: string[]) =>
  Object.fromEntries(probes.map((p) => [p, p === 'vms' ? NO_HYPER_V : NO_CLUSTER_ACCESS]));

function spec(probes: string[]): SimClusterSpec {
  return {
    name: 'lab',
    hosts: [
      { name: 'HV01', release: '2022', edition: 'Datacenter', failingProbes: denied(probes) },
      { name: 'HV02', release: '2022', edition: 'Standard', failingProbes: denied(probes) },
    ],
    vms: [{ name: 'app', owner: 'HV01', guest: { release: '2022', edition: 'Standard' } }],
  };
}

const files = tempFiles();

async function checkAll(probes: string[], octet: number) {
  const scanned = await simScan(spec(probes), { firstOctet: octet });
  const file = await files.write(`access-${octet}.snapshot.json`, serializeSnapshot(scanned.snapshot));
  const run = (format: string) => runMain(['check', '--snapshot', file, '-f', format, '--no-tui']);
  const formats = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'];
  const [text, json, markdown, junit, github, sarif] = await Promise.all(formats.map(run));
  return {
    text,
    json: JSON.parse(json?.stdout ?? '') as Json,
    markdown,
    junit,
    github,
    sarif,
    codes: [text, json, markdown, junit, github, sarif].map((r) => r?.code),
  };
}

describe('without read access to the cluster', () => {
  it('each VM is judged on every node: the Standard node fails it, with a warning that says why', async () => {
    const { text, json, markdown, codes } = await checkAll(['cluster', 'clusterNodes', 'clusterGroups'], 186);
    expect(codes).toEqual([1, 1, 1, 1, 1, 1]);
    const app = json.clusters[0].vms.find((vm: Json) => vm.name === 'app');
    expect(app.verdict).toBe('at-risk');
    expect(app.targets.fail).toEqual([{ nodes: ['HV02'], rules: ['host-not-datacenter'] }]);
    const rules = json.clusters[0].findings.map((f: Json) => f.rule);
    expect(rules).toContain('possible-owners-unread');
    expect(rules).not.toContain('single-failover-target');
    expect(text?.stdout).toMatch(/possible owners could not be read on any node/);
    expect(markdown?.stdout).toMatch(/possible-owners-unread/);
  });
});

describe('without the right to list VMs', () => {
  it('no VM left to judge is INCOMPLETE (exit 3) in every format, never a pass', async () => {
    const { text, json, markdown, junit, github, sarif, codes } = await checkAll(
      ['cluster', 'clusterNodes', 'clusterGroups', 'vms'],
      188,
    );
    expect(codes).toEqual([3, 3, 3, 3, 3, 3]);
    expect(json.verdict).toBe('incomplete');
    expect(json.gate.unreadInventories).toBe(1);
    expect(json.gate.reasons.join(' ')).toMatch(/the VMs of 1 cluster not all listed/);
    expect(text?.stdout).toMatch(/INCOMPLETE: no VM at risk, but the VMs of 1 cluster not all listed/);
    expect(text?.stdout).toMatch(
      /could not list the VMs of 2 nodes: HV01 \(You do not have the required permission/,
    );
    expect(markdown?.stdout).toMatch(/INCOMPLETE/);
    expect(markdown?.stdout).toMatch(/could not list the VMs of 2 nodes/);
    expect(junit?.stdout).toMatch(/inventory-unread/);
    expect(github?.stdout).toMatch(/could not list the VMs of 2 nodes/);
    expect(sarif?.stdout).toMatch(/inventory-unread/);
  });
});

describe('a possible owner no node reports (its cluster-node probe denied)', () => {
  it('is a node not read: the VM cannot be judged there, exit 3 in every format, never a pass', async () => {
    const hidden: SimClusterSpec = {
      name: 'lab',
      hosts: [
        { name: 'HV01', release: '2022', edition: 'Datacenter', failingProbes: denied(['clusterNodes']) },
      ],
      vms: [
        {
          name: 'app',
          owner: 'HV01',
          possibleOwners: ['HV01', 'HIDDEN-STANDARD-NODE'],
          guest: { release: '2022', edition: 'Standard' },
        },
      ],
    };
    const scanned = await simScan(hidden, { firstOctet: 184 });
    const file = await files.write('hidden.snapshot.json', serializeSnapshot(scanned.snapshot));
    const formats = ['text', 'json', 'markdown', 'junit', 'github', 'sarif'];
    const results = await Promise.all(
      formats.map((format) => runMain(['check', '--snapshot', file, '-f', format, '--no-tui'])),
    );
    expect(results.map((r) => r.code)).toEqual([3, 3, 3, 3, 3, 3]);
    const json = JSON.parse(results[1]?.stdout ?? '') as Json;
    const app = json.clusters[0].vms.find((vm: Json) => vm.name === 'app');
    expect(app.verdict).toBe('unknown');
    expect(app.targets.unknown).toEqual([{ nodes: ['HIDDEN-STANDARD-NODE'], rules: ['node-unreachable'] }]);
    expect(results[0]?.stdout).toMatch(/HIDDEN-STANDARD-NODE +not-scanned: app names it as a possible owner/);
  });
});
