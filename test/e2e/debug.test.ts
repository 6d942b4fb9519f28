// --debug: the raw output of a node that could not be used, for a bug report: every byte escaped, and no secret
// of the run in it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SIM_PASSWORD } from '../../src/sim/keys.js';
import type { SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { run } from '../helpers/main.js';

const spec: SimClusterSpec = {
  name: 'dbg',
  hosts: [
    { name: 'GOOD', release: '2022', edition: 'Datacenter' },
    { name: 'BROKEN', release: '2022', edition: 'Datacenter' },
  ],
  vms: [],
};
let served: ServedCluster;
let config = '';

beforeAll(async () => {
  served = await serveSpec(spec, {
    firstOctet: 70,
    faults: {
      BROKEN: { fault: 'malformed', noise: 'Welcome \u001b]0;title\u0007\u001b[2J to the node\r\n' },
    },
  });
  const ssh = served.config.defaults?.ssh;
  const nodes = served.sim.nodes.map(
    (n) => `      - { name: ${n.name}, host: ${n.host}, ssh: { port: ${n.port} } }`,
  );
  config = join(served.dir, 'clusters.yaml');
  writeFileSync(
    config,
    `defaults:\n  ssh: { username: ${ssh?.username}, passwordEnv: AVMA_TEST_PW, knownHostsPath: ${ssh?.knownHostsPath}, agent: false, configFile: none }\nclusters:\n  - name: dbg\n    nodes:\n${nodes.join('\n')}\n`,
  );
});

afterAll(() => served.close());

it('prints what a node sent, escaped, and never a secret', async () => {
  const result = await run(['scan', '-c', config, '--debug', '-f', 'json', '-o', '/dev/null'], {
    env: { AVMA_TEST_PW: SIM_PASSWORD },
  });
  const line = result.stderr
    .split('\n')
    .find((l) => l.startsWith('avma-check: --debug: raw output of dbg/BROKEN: '));
  expect(line).toBeDefined();
  const raw = JSON.parse(line?.slice(line.indexOf('{')) ?? '{}');
  expect(raw).toMatchObject({
    cluster: 'dbg',
    node: 'BROKEN',
    stdout: expect.stringContaining('Welcome \u001b]0;title'),
  });
  expect(result.stderr).not.toContain('\u001b');
  expect(result.stderr).not.toContain(SIM_PASSWORD);
  expect(result.stderr).not.toMatch(/raw output of dbg\/GOOD/);
  const quiet = await run(['scan', '-c', config, '-f', 'json'], { env: { AVMA_TEST_PW: SIM_PASSWORD } });
  expect(quiet.stderr).not.toContain('--debug: raw output');
  const broken = JSON.parse(quiet.stdout).clusters[0].nodes.find(
    (n: { name: string }) => n.name === 'BROKEN',
  );
  expect(broken.error).toMatchObject({ kind: 'bad-output', hint: expect.stringMatching(/--debug/) });
});
