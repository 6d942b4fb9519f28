// Discovery, declared facts over scanned ones, password login, trust on first use and the concurrency bound,
// against simulated nodes on loopback.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { ScanEvent } from '../../src/model/scan-events.js';
import { fingerprint } from '../../src/scan/fingerprint.js';
import { scanToSnapshot } from '../../src/scan/scan.js';
import { SIM_HOST_KEY_A_PUBLIC, SIM_PASSWORD } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { serveSpec } from '../../src/sim/serve-spec.js';
import { FAULT_SPEC, nodeOf, simScan } from '../helpers/sim-scan.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

describe('scan options', () => {
  it('discover: true finds the other members from one seed node, each addressed by its name', async () => {
    const served = await serveSpec(FAULT_SPEC, { firstOctet: 60 });
    try {
      const [cluster] = served.config.clusters;
      if (!cluster) throw new Error('no cluster');
      const seedOnly = configSchema.parse({
        ...served.config,
        clusters: [{ ...cluster, discover: true, nodes: cluster.nodes.slice(1, 2) }],
      });
      const events: ScanEvent[] = [];
      const snapshot = await scanToSnapshot(
        seedOnly,
        { now: NOW, env: {}, connectTimeoutSeconds: 1, retryDelaysMs: [] },
        (e) => events.push(e),
      );
      expect(events).toContainEqual({
        type: 'cluster-discovered',
        cluster: 'lab',
        added: ['BAD', 'OK2', 'OK3'],
      });
      const nodes = snapshot.clusters[0]?.nodes ?? [];
      expect(nodes.map((n) => n.name)).toEqual(['OK1', 'BAD', 'OK2', 'OK3']);
      // Discovered nodes are reached at their names, which do not resolve here: unreachable, not dropped.
      expect(nodes.find((n) => n.name === 'OK2')).toMatchObject({
        host: 'OK2',
        error: { kind: 'unreachable' },
      });
    } finally {
      await served.close();
    }
  });

  it('without discover, members the config leaves out stay in the snapshot as not read', async () => {
    const served = await serveSpec(FAULT_SPEC, { firstOctet: 70 });
    try {
      const [cluster] = served.config.clusters;
      if (!cluster) throw new Error('no cluster');
      const partial = configSchema.parse({
        ...served.config,
        clusters: [{ ...cluster, nodes: cluster.nodes.slice(0, 2) }],
      });
      const snapshot = await scanToSnapshot(partial, { now: NOW, env: {} });
      expect(snapshot.clusters[0]?.nodes.map((n) => [n.name, n.error?.kind ?? 'ok'])).toEqual([
        ['BAD', 'ok'],
        ['OK1', 'ok'],
        ['OK2', 'not-scanned'],
        ['OK3', 'not-scanned'],
      ]);
    } finally {
      await served.close();
    }
  });

  it('declared facts override scanned ones field by field, and declared VMs override scanned VMs', async () => {
    const served = await serveSpec(FAULT_SPEC, { firstOctet: 80 });
    try {
      const [cluster] = served.config.clusters;
      if (!cluster) throw new Error('no cluster');
      const nodes = cluster.nodes.map((n) =>
        n.name === 'OK1'
          ? {
              ...n,
              facts: {
                edition: { family: 'azure-local', text: 'AzureLocal' },
                azureLocalAvma: 'subscription',
              },
            }
          : n,
      );
      const withFacts = {
        ...served.config,
        clusters: [{ ...cluster, nodes, vms: [{ name: 'on-ok2', kvp: true, activation: 'other' as const }] }],
      };
      const snapshot = await scanToSnapshot(withFacts as never, { now: NOW, env: {} });
      expect(snapshot.clusters[0]?.nodes.find((n) => n.name === 'OK1')?.facts).toMatchObject({
        edition: 'azure-local',
        azureLocalAvma: 'subscription',
        build: 20348,
        activated: true,
      });
      expect(snapshot.clusters[0]?.vms.find((vm) => vm.name === 'on-ok2')).toMatchObject({
        activation: 'other',
        guest: { release: '2019' },
      });
    } finally {
      await served.close();
    }
  });

  it('logs in with a password taken from the environment variable the config names', async () => {
    const spec: SimClusterSpec = {
      name: 'pw',
      hosts: [{ name: 'P1', release: '2016', edition: 'Datacenter' }],
      vms: [],
    };
    const served = await serveSpec(spec, { firstOctet: 90 });
    try {
      const ssh = {
        ...served.config.defaults?.ssh,
        privateKeyPath: undefined,
        passwordEnv: 'AVMA_SIM_PASSWORD',
      };
      const config = { ...served.config, defaults: { ssh } };
      const snapshot = await scanToSnapshot(config, { now: NOW, env: { AVMA_SIM_PASSWORD: SIM_PASSWORD } });
      expect(snapshot.clusters[0]?.nodes[0]).toMatchObject({ error: null, facts: { release: '2016' } });
      const wrong = await scanToSnapshot(config, { now: NOW, env: { AVMA_SIM_PASSWORD: 'nope' } });
      expect(wrong.clusters[0]?.nodes[0]?.error?.kind).toBe('auth');
    } finally {
      await served.close();
    }
  });

  it('--accept-new-host-keys records an unknown key and scans the node', async () => {
    const result = await simScan(
      FAULT_SPEC,
      { unknownHostKeys: ['BAD', 'OK1'] },
      { acceptNewHostKeys: true },
    );
    expect(nodeOf(result, 'BAD')?.error).toBeNull();
    expect(nodeOf(result, 'OK1')?.error).toBeNull();
    // Each key written is told, with its fingerprint to compare with the node's own; keys on record are not.
    const recorded = result.events.filter((e) => e.type === 'host-key-recorded');
    expect(recorded).toHaveLength(2);
    for (const event of recorded) {
      expect(event.host).toMatch(/^\[127\.\d+\.\d+\.\d+\]:\d+$/);
      expect(event.fingerprint).toBe(
        fingerprint(Buffer.from(SIM_HOST_KEY_A_PUBLIC.split(' ')[1] ?? '', 'base64')),
      );
      expect(result.knownHosts).toContain(event.host);
    }
  });

  it('never has more nodes in flight than --concurrency', async () => {
    const spec: SimClusterSpec = {
      name: 'wide',
      hosts: Array.from({ length: 10 }, (_, i) => ({
        name: `W${i}`,
        release: '2022' as const,
        edition: 'Datacenter' as const,
      })),
      vms: [],
    };
    const faults = Object.fromEntries(spec.hosts.map((h) => [h.name, { delayMs: 100 }]));
    const result = await simScan(spec, { faults, firstOctet: 100 }, { concurrency: 3 });
    let inFlight = 0;
    let most = 0;
    for (const event of result.events) {
      if (event.type === 'node-started') most = Math.max(most, ++inFlight);
      if (event.type === 'node-finished') inFlight--;
    }
    expect(most).toBe(3);
    expect(result.snapshot.clusters[0]?.nodes.every((n) => n.error === null)).toBe(true);
  });
});

it('the accepted key is written to known_hosts in OpenSSH format', async () => {
  const result = await simScan(
    FAULT_SPEC,
    { unknownHostKeys: ['BAD'], firstOctet: 110 },
    { acceptNewHostKeys: true },
  );
  expect(result.knownHosts).toMatch(/^\[127\.0\.0\.110\]:\d+ ssh-ed25519 AAAA\S+$/m);
});
