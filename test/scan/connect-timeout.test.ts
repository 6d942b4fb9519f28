// A node that does not answer within the connect timeout, for two different reasons: its TCP connection never
// opened (a firewall dropping the port, as Windows Firewall does by default), or it opened and no SSH handshake
// followed. Both are kind timeout; each message and hint says which, over real sockets on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { type DroppingPort, startDroppingPort } from '../helpers/dropping-port.js';
import { FAULT_SPEC, nodeOf, simScan } from '../helpers/sim-scan.js';

let dropping: DroppingPort;

beforeAll(async () => {
  dropping = await startDroppingPort('127.0.0.44');
});

afterAll(async () => {
  await dropping?.close();
});

/** Points node BAD at the dropping port. */
const toDroppingPort = (config: Config): Config => ({
  ...config,
  clusters: config.clusters.map((cluster) => ({
    ...cluster,
    nodes: cluster.nodes.map((node) =>
      node.name === 'BAD'
        ? { ...node, host: dropping.host, ssh: { ...node.ssh, port: dropping.port } }
        : node,
    ),
  })),
});

describe('a connect timeout', () => {
  it('names the firewall, the port and the address when the TCP connection never opened', async () => {
    const result = await simScan(FAULT_SPEC, {}, {}, toDroppingPort);
    const address = `127.0.0.44:${dropping.port}`;
    const error = nodeOf(result, 'BAD')?.error;
    expect(error?.kind).toBe('timeout');
    expect(error?.message).toBe(`the TCP connection to ${address} did not open within 1 s`);
    expect(error?.hint).toContain(address);
    expect(error?.hint).toMatch(/firewall drops/i);
    expect(error?.hint).toContain(`-LocalPort ${dropping.port}`);
    expect(error?.hint).toMatch(/the port is wrong/);
    expect(error?.hint).toContain(`sshd is not listening on ${address}`);
    expect(error?.hint).not.toMatch(/does not speak SSH/);
    expect(nodeOf(result, 'OK1')?.error).toBeNull();
  });

  it('says the host does not speak SSH when TCP opened and no handshake followed', async () => {
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { fault: 'silent' } } });
    const error = nodeOf(result, 'BAD')?.error;
    expect(error?.kind).toBe('timeout');
    expect(error?.message).toMatch(/^no SSH handshake from 127\.0\.0\.\d+:\d+ within 1 s$/);
    expect(error?.hint).toMatch(/accepts TCP but does not speak SSH/);
    expect(error?.hint).not.toMatch(/firewall/i);
  });
});
