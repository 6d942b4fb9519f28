// Starts simulated nodes for a cluster spec and writes what a scan of them needs: a config, a known_hosts
// file and the client key, in a private temporary directory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { configSchema } from '../config/schema.js';
import { SIM_CLIENT_KEY, SIM_USERNAME } from './keys.js';
import { hostDocument, type SimClusterSpec } from './recordings.js';
import { type SimCluster, type SimNodeSpec, startSimCluster } from './sim-cluster.js';

export interface ServedCluster {
  sim: SimCluster;
  config: Config;
  dir: string;
  knownHostsPath: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Per node: its fault, or what it prints instead of its recorded document. */
  faults?: Record<string, Partial<Omit<SimNodeSpec, 'name'>>>;
  firstOctet?: number;
  /** Leave these nodes out of known_hosts. */
  unknownHostKeys?: string[];
}

export async function serveSpec(spec: SimClusterSpec, options: ServeOptions = {}): Promise<ServedCluster> {
  const sim = await startSimCluster(
    spec.hosts.map((host) => ({
      name: host.name,
      document: hostDocument(spec, host),
      ...options.faults?.[host.name],
    })),
    { firstOctet: options.firstOctet },
  );
  const dir = await mkdtemp(join(tmpdir(), 'avma-check-sim-'));
  const knownHostsPath = join(dir, 'known_hosts');
  const keyPath = join(dir, 'client_ed25519');
  const unknown = new Set(options.unknownHostKeys ?? []);
  const known = sim.nodes.filter((node) => !unknown.has(node.name));
  await writeFile(
    knownHostsPath,
    sim.knownHosts
      .split('\n')
      .filter((line) => known.some((n) => line.startsWith(`[${n.host}]:${n.port} `)))
      .join('\n'),
    { mode: 0o600 },
  );
  await writeFile(keyPath, SIM_CLIENT_KEY, { mode: 0o600 });
  const config = configSchema.parse({
    // The simulated nodes answer on loopback: the user's ~/.ssh/config (a ProxyJump for Host *) must not apply.
    defaults: {
      ssh: {
        username: SIM_USERNAME,
        privateKeyPath: keyPath,
        knownHostsPath,
        agent: false,
        configFile: 'none',
      },
    },
    clusters: [
      {
        name: spec.name,
        nodes: sim.nodes.map((node) => ({ name: node.name, host: node.host, ssh: { port: node.port } })),
      },
    ],
  });
  return {
    sim,
    config,
    dir,
    knownHostsPath,
    close: async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
