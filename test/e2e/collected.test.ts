// Without SSH: the collector script run by PowerShell remoting, its output read back by check --collected into
// the snapshot a scan makes. The files are written here byte for byte as Windows PowerShell 5.1's Out-File does
// (UTF-16LE with a BOM, CRLF), from the simulator's recordings of the demo cluster.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTOR_SCRIPT } from '../../src/scan/collector-script.js';
import { DEMO_CLUSTER } from '../../src/sim/demo-cluster.js';
import { hostDocument } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { resultText } from '../../src/sim/sim-cluster.js';
import { run } from '../helpers/main.js';

const dir = mkdtempSync(join(tmpdir(), 'avma-collected-'));
const outFile = (name: string, strings: string[]) => {
  const file = join(dir, name);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(strings.map((s) => `${s}\r\n`).join(''), 'utf16le'),
    ]),
  );
  return file;
};
const outputs = DEMO_CLUSTER.hosts.map((host) => resultText(hostDocument(DEMO_CLUSTER, host)));
const NOW = ['--now', '2026-11-22'];
let served: ServedCluster;

beforeAll(async () => {
  served = await serveSpec(DEMO_CLUSTER, { firstOctet: 90 });
});
afterAll(() => served.close());

const verdicts = (report: { clusters: { vms: { name: string; verdict: string; targets: unknown }[] }[] }) =>
  report.clusters.flatMap((c) => c.vms.map((vm) => [vm.name, vm.verdict, vm.targets]));

describe('check --collected', () => {
  it('judges the documents as a scan of the same nodes judges them', async () => {
    const collected = outFile('collected.txt', outputs);
    const fromFile = await run(['check', '--collected', collected, ...NOW, '-f', 'json']);
    const scanned = await run(['scan', '-c', await scanConfig(), ...NOW, '-f', 'json']);
    expect(fromFile.code).toBe(1);
    expect(fromFile.code).toBe(scanned.code);
    const a = JSON.parse(fromFile.stdout);
    const b = JSON.parse(scanned.stdout);
    expect(a.clusters.map((c: { name: string }) => c.name)).toEqual(['hv-demo']);
    expect(verdicts(a)).toEqual(verdicts(b));
    expect(a.clusters[0].nodes.map((n: { name: string; release: string }) => [n.name, n.release])).toEqual(
      b.clusters[0].nodes.map((n: { name: string; release: string }) => [n.name, n.release]),
    );
  });

  it('a node whose document is missing is unreachable, a damaged one bad output, and the others are judged', async () => {
    const damaged = (outputs[1] ?? '').replace(
      /AVMA-CHECK-BEGIN-9c1e\r\n([A-Za-z0-9+/]{76})/,
      'AVMA-CHECK-BEGIN-9c1e\r\n!!not base64!!',
    );
    const file = outFile('partial.txt', [outputs[0] ?? '', damaged, ...outputs.slice(2, 4)]);
    const result = await run(['check', '--collected', file, ...NOW, '-f', 'json']);
    const nodes = JSON.parse(result.stdout).clusters[0].nodes as {
      name: string;
      error: { kind: string; message: string } | null;
    }[];
    const byName = Object.fromEntries(nodes.map((n) => [n.name, n.error]));
    expect(byName.HV01).toBeNull();
    expect(byName.HV02).toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(/not base64 \(in .*partial\.txt\)/),
    });
    expect(byName.HV05).toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/no collector document of this node in .*partial\.txt/),
    });
    expect(result.code).toBe(1);
  });

  it('with --config, declared facts and activation settings apply as to a scan', async () => {
    const config = join(dir, 'clusters.yaml');
    writeFileSync(
      config,
      'clusters:\n  - name: hv-demo\n    activation: { default: other, exceptions: [{ vms: "web*", activation: avma }] }\n    nodes:\n      - { name: HV04, facts: { edition: Datacenter } }\n',
    );
    const file = outFile('all.txt', outputs);
    const result = await run(['check', '--collected', file, '-c', config, ...NOW, '-f', 'json']);
    const report = JSON.parse(result.stdout);
    const vm = (name: string) => report.clusters[0].vms.find((v: { name: string }) => v.name === name);
    expect(vm('web01')).toMatchObject({ activationBasis: 'pattern', verdict: 'at-risk' });
    expect(vm('sql01')).toMatchObject({ activation: 'other', verdict: 'not-applicable' });
    expect(report.clusters[0].nodes.find((n: { name: string }) => n.name === 'HV04').edition).toBe(
      'datacenter',
    );
  });

  it('collector prints the script the remoting command runs: ASCII, Windows line endings', async () => {
    const script = join(dir, 'collector.ps1');
    expect((await run(['collector', '-o', script])).code).toBe(0);
    const text = readFileSync(script, 'latin1');
    expect(text.replace(/\r\n/g, '\n')).toBe(COLLECTOR_SCRIPT.replace(/\r\n/g, '\n'));
    expect(text).not.toMatch(/[^\r]\n/);
    const outside = [...text].filter((c) => !/[\t\r\n -~]/.test(c));
    expect(outside).toEqual([]);
    expect((await run(['collector', '--help'])).stdout).toMatch(
      /Invoke-Command -ComputerName \(Get-ClusterNode -Cluster hv-prod\)\.Name -FilePath/,
    );
  });
});

async function scanConfig(): Promise<string> {
  const ssh = served.config.defaults?.ssh;
  const nodes = served.sim.nodes.map(
    (n) => `      - { name: ${n.name}, host: ${n.host}, ssh: { port: ${n.port} } }`,
  );
  const file = join(dir, 'scan.yaml');
  writeFileSync(
    file,
    `defaults:\n  ssh: { username: ${ssh?.username}, privateKeyPath: ${ssh?.privateKeyPath}, knownHostsPath: ${ssh?.knownHostsPath}, agent: false, configFile: none }\nclusters:\n  - name: hv-demo\n    nodes:\n${nodes.join('\n')}\n`,
  );
  return file;
}
