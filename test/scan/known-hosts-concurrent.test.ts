// Two scans in separate processes record new host keys into the same known_hosts at once (the built CLI, each
// against its own simulated nodes): neither loses a key, no line is written twice, and no lock or temporary
// file is left behind.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_HOST_KEY_B_PUBLIC } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { runCli } from '../helpers/run-cli.js';

const NODES = 20;
const spec = (name: string): SimClusterSpec => ({
  name,
  hosts: Array.from({ length: NODES }, (_, i) => ({
    name: `${name}-${i}`,
    release: '2022' as const,
    edition: 'Datacenter' as const,
  })),
  vms: [],
});

let left: ServedCluster;
let right: ServedCluster;

beforeAll(async () => {
  left = await serveSpec(spec('left'), {
    firstOctet: 140,
    unknownHostKeys: spec('left').hosts.map((h) => h.name),
  });
  right = await serveSpec(spec('right'), {
    firstOctet: 180,
    unknownHostKeys: spec('right').hosts.map((h) => h.name),
  });
});

afterAll(async () => {
  await left.close();
  await right.close();
});

function configFile(served: ServedCluster, knownHostsPath: string): string {
  const ssh = served.config.defaults?.ssh;
  const cluster = served.config.clusters[0];
  const nodes = served.sim.nodes.map(
    (n) => `      - { name: ${n.name}, host: ${n.host}, ssh: { port: ${n.port} } }`,
  );
  const file = join(served.dir, 'clusters.yaml');
  writeFileSync(
    file,
    [
      'defaults:',
      `  ssh: { username: ${ssh?.username}, privateKeyPath: ${ssh?.privateKeyPath}, knownHostsPath: ${knownHostsPath}, agent: false, configFile: none }`,
      'clusters:',
      `  - name: ${cluster?.name}`,
      '    nodes:',
      ...nodes,
      '',
    ].join('\n'),
  );
  return file;
}

describe('--accept-new-host-keys from two processes at once', () => {
  it('records every key exactly once', async () => {
    const knownHostsPath = join(left.dir, 'shared_known_hosts');
    // An existing entry without a final newline must survive too.
    writeFileSync(
      knownHostsPath,
      `other.example.test ${SIM_HOST_KEY_B_PUBLIC.split(' ').slice(0, 2).join(' ')}`,
    );
    const runs = await Promise.all(
      [left, right].map((served) =>
        runCli([
          'scan',
          '--config',
          configFile(served, knownHostsPath),
          '--accept-new-host-keys',
          '--format',
          'json',
          '--now',
          '2026-11-22',
        ]),
      ),
    );
    for (const run of runs) {
      const report = JSON.parse(run.stdout);
      const errors = report.clusters[0].nodes.filter((n: { error: unknown }) => n.error !== null);
      expect(errors).toEqual([]);
    }
    const lines = readFileSync(knownHostsPath, 'utf8').trim().split('\n');
    const expected = [...left.sim.nodes, ...right.sim.nodes].map((n) => `[${n.host}]:${n.port}`);
    expect(lines[0]).toMatch(/^other\.example\.test ssh-ed25519 /);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(' ')[0])
        .sort(),
    ).toEqual(expected.sort());
    expect(readdirSync(left.dir).filter((f) => f.includes('shared_known_hosts'))).toEqual([
      'shared_known_hosts',
    ]);
  });
});
