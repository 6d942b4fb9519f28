// The simulator itself: a client may leave at any moment (before its input ends, mid-answer, mid-flood), and the
// node then writes nothing more and raises no error; it counts what it accepted, what is still open and what it
// sent.
import ssh2 from 'ssh2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTOR_STDIN, REMOTE_COMMAND } from '../../src/scan/collector-script.js';
import { SIM_CLIENT_KEY, SIM_USERNAME } from '../../src/sim/keys.js';
import { type SimCluster, type SimNodeSpec, startSimCluster } from '../../src/sim/sim-cluster.js';

let uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);
beforeEach(() => {
  uncaught = [];
  process.on('uncaughtException', record);
});
afterEach(() => {
  process.off('uncaughtException', record);
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Connects, runs the collector's command and hands the channel to `leave`, which decides how to go. */
async function exec(
  sim: SimCluster,
  leave: (channel: ssh2.ClientChannel, client: ssh2.Client) => void,
): Promise<void> {
  const node = sim.nodes[0];
  const client = new ssh2.Client();
  client.on('error', () => {});
  await new Promise<void>((resolve) => {
    client
      .on('ready', () =>
        client.exec(REMOTE_COMMAND, (error, channel) => {
          if (error) throw error;
          channel.on('data', () => {});
          channel.stderr.on('data', () => {});
          leave(channel, client);
          resolve();
        }),
      )
      .connect({
        host: node?.host,
        port: node?.port,
        username: SIM_USERNAME,
        privateKey: SIM_CLIENT_KEY,
        hostVerifier: () => true,
      });
  });
  await until(() => sim.openConnections() === 0);
  // The node's answer runs on its own timers and ticks: give them time to misbehave.
  await new Promise((resolve) => setTimeout(resolve, 150));
}

const node = (spec: Partial<SimNodeSpec> = {}): SimNodeSpec => ({ name: 'N', document: {}, ...spec });

describe('a client that leaves', () => {
  it.each([
    ['closes the channel before its input ends', (channel: ssh2.ClientChannel) => channel.close()],
    [
      'drops the connection before its input ends',
      (_: ssh2.ClientChannel, client: ssh2.Client) => client.end(),
    ],
  ])('%s: the node writes nothing after it and raises no error', async (_name, leave) => {
    const sim = await startSimCluster([node()], { firstOctet: 230 });
    try {
      await exec(sim, (channel, client) => {
        leave(channel, client);
        client.end();
      });
      expect(uncaught).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it.each([
    ['slow', { fault: 'slow', delayMs: 100 }],
    ['flood', { fault: 'flood' }],
    ['flood-stderr', { fault: 'flood-stderr' }],
    ['stall', { fault: 'stall' }],
  ] as const)('leaves a %s node mid-answer: no error, and the node stops writing', async (_name, fault) => {
    const sim = await startSimCluster([node(fault)], { firstOctet: 231 });
    try {
      await exec(sim, (channel, client) => {
        channel.end(COLLECTOR_STDIN);
        setTimeout(() => client.end(), 50);
      });
      const sent = sim.stats('N').bytesSent;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sim.stats('N').bytesSent).toBe(sent);
      expect(uncaught).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});

describe('node stats', () => {
  it('counts connections accepted and open, bytes sent and the login methods tried', async () => {
    const sim = await startSimCluster([node()], { firstOctet: 232 });
    try {
      await exec(sim, (channel, client) => {
        expect(sim.openConnections()).toBe(1);
        channel.end(COLLECTOR_STDIN);
        channel.on('close', () => client.end());
      });
      expect(sim.stats('N')).toMatchObject({
        accepted: 1,
        open: 0,
        authMethods: ['none', 'publickey', 'publickey'],
      });
      expect(sim.stats('N').bytesSent).toBeGreaterThan(1000);
    } finally {
      await sim.close();
    }
  });
});
