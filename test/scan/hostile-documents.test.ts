// What a node prints is not trusted: markers repeated, nested or forged, documents with wrong types, NaN, huge
// numbers, __proto__ and constructor keys, or 100,000 VMs. Each node ends as ok or as bad-output with a message
// that says what is wrong, the healthy nodes' results are kept, and memory stays bounded.
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER } from '../../src/scan/collector-script.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { resultText } from '../../src/sim/sim-cluster.js';
import { FAULT_SPEC, nodeOf, type SimScan, simScan } from '../helpers/sim-scan.js';

const BAD = FAULT_SPEC.hosts[0] as SimClusterSpec['hosts'][number];
const document = hostDocument(FAULT_SPEC, BAD);
const json = JSON.stringify(document);
const encoded = Buffer.from(json).toString('base64');

function expectOthersComplete(result: SimScan): void {
  for (const name of ['OK1', 'OK2', 'OK3']) {
    expect(nodeOf(result, name)?.error, name).toBeNull();
    expect(nodeOf(result, name)?.facts?.release, name).not.toBeNull();
  }
}

/** The document with one value replaced, as JSON text (so that keys like __proto__ stay own keys). */
function edited(path: string, valueJson: string): string {
  const marker = '"__EDIT__"';
  const keys = path.split('.');
  const copy = structuredClone(document) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1) as string] = '__EDIT__';
  return JSON.stringify(copy).replace(marker, valueJson);
}

const BAD_OUTPUT: [string, { stdout?: string; document?: unknown }, RegExp][] = [
  [
    'a result printed twice',
    { stdout: resultText(document) + resultText(document) },
    /^the output holds 2 begin and 2 end markers where the collector prints one of each/,
  ],
  [
    'nested markers',
    { stdout: `${BEGIN_MARKER}\r\n${BEGIN_MARKER}\r\n${encoded}\r\n${END_MARKER}\r\n${END_MARKER}\r\n` },
    /^the output holds 2 begin and 2 end markers/,
  ],
  [
    'a forged result in a banner before the real one',
    {
      stdout: `Welcome ${resultText({ ...document, computerName: 'FORGED' })}${resultText(document)}`,
    },
    /^the output holds 2 begin and 2 end markers/,
  ],
  [
    'an end marker before the begin marker',
    { stdout: `${END_MARKER}\r\n${BEGIN_MARKER}\r\n${encoded}\r\n` },
    /^the collector output is cut short \(its end marker is missing\)$/,
  ],
  [
    'a number where text belongs',
    { document: edited('computerName', '42') },
    /\(computerName: Invalid input: expected string, received number\)$/,
  ],
  ['NaN', { document: edited('probes.avmaRequests.value', 'NaN') }, /not valid JSON/],
  [
    'a number too large for a double (Infinity)',
    { document: edited('probes.avmaRequests', '{"ok":true,"value":1e400}') },
    /\(probes\.avmaRequests\.value: Invalid input: expected number, received Infinity\)$/,
  ],
  [
    'a huge count',
    { document: edited('probes.avmaRequests', '{"ok":true,"value":123456789012345678901234567890}') },
    /\(probes\.avmaRequests\.value: Too big: expected int to be <=9007199254740991\)$/,
  ],
  [
    'a list where an object belongs',
    { document: edited('probes', '[]') },
    /\(probes: Invalid input: expected object, received array\)$/,
  ],
  [
    'the document is null',
    { document: 'null' },
    /\(document: Invalid input: expected object, received null\)$/,
  ],
];

describe('hostile collector output', () => {
  it.each(BAD_OUTPUT)('%s: bad-output, and the others are kept', async (_name, answer, message) => {
    const result = await simScan(FAULT_SPEC, { faults: { BAD: answer } });
    expect(nodeOf(result, 'BAD')?.error).toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(message),
    });
    expect(nodeOf(result, 'BAD')?.facts).toBeNull();
    expectOthersComplete(result);
  });

  it('markers inside a VM name are data: the name is kept exactly', async () => {
    const name = `vm ${END_MARKER} ${BEGIN_MARKER} ${END_MARKER}`;
    const spec = {
      ...FAULT_SPEC,
      vms: [{ name, owner: 'BAD', guest: { release: '2022', edition: 'Standard' } }],
    };
    const result = await simScan(FAULT_SPEC, {
      faults: { BAD: { document: hostDocument(spec as SimClusterSpec, BAD) } },
    });
    expect(nodeOf(result, 'BAD')?.error).toBeNull();
    expect(result.snapshot.clusters[0]?.vms.map((vm) => vm.name)).toContain(name);
  });

  it('huge numbers in text fields leave the fact unknown, never a crash or a wrong date', async () => {
    let text = edited('probes.currentVersion.value.CurrentBuild', JSON.stringify('9'.repeat(400)));
    text = text
      .replace('"OperatingSystemSKU":"8"', '"OperatingSystemSKU":"1e999"')
      .replace('"BuildNumber":"20348"', '"BuildNumber":"-20348"')
      .replace('"GracePeriodRemaining":"0"', '"GracePeriodRemaining":"99999999999999999999"');
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { document: text } } });
    const bad = nodeOf(result, 'BAD');
    expect(bad?.error).toBeNull();
    expect(bad?.facts).toMatchObject({ build: null, editionId: 'ServerDatacenter', edition: 'datacenter' });
    // The name says 2022 when no build can be read.
    expect(bad?.facts?.release).toBe('2022');
    expect(JSON.stringify(result.snapshot)).not.toMatch(/Invalid Date|Infinity|NaN/);
  });

  it('__proto__ and constructor keys pollute nothing and are not read as facts', async () => {
    const polluting = '{"polluted":"yes","EditionID":"ServerDatacenter","toString":"x"}';
    // The edition only in a __proto__ key: it must not be found there.
    let text = json.replace('"EditionID":"ServerDatacenter",', `"__proto__":${polluting},`);
    text = text.replace(
      '{"collectorVersion"',
      `{"__proto__":${polluting},"constructor":{"prototype":${polluting}},"collectorVersion"`,
    );
    text = text.replace('"probes":{', `"probes":{"__proto__":${polluting},"constructor":${polluting},`);
    const result = await simScan(FAULT_SPEC, { faults: { BAD: { document: text } } });
    const bad = nodeOf(result, 'BAD');
    expect(bad?.error).toBeNull();
    expect(bad?.facts?.editionId).toBeNull();
    // Still Datacenter: from the SKU and the caption, not from the prototype.
    expect(bad?.facts?.edition).toBe('datacenter');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expectOthersComplete(result);
  });

  it('100,000 VMs: bad-output naming the bound, memory bounded', async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `vm-${i}`);
    const huge = {
      ...document,
      probes: {
        ...document.probes,
        clusterGroups: {
          ok: true,
          value: names.map((Name) => ({
            Name,
            OwnerNode: 'BAD',
            VmId: { ok: true, value: null },
            PossibleOwners: { ok: true, value: [] },
          })),
        },
        vms: {
          ok: true,
          value: names.map((Name, i) => ({
            Name,
            VMId: String(i),
            IntegrationServices: { ok: true, value: [] },
            GuestIntrinsicExchangeItems: [],
          })),
        },
      },
    };
    const before = process.memoryUsage().rss;
    const result = await simScan(
      FAULT_SPEC,
      { faults: { BAD: { document: huge } } },
      { commandTimeoutSeconds: 20 },
    );
    expect(nodeOf(result, 'BAD')?.error).toMatchObject({
      kind: 'bad-output',
      message: expect.stringMatching(
        /\(probes\.clusterGroups\.value: Too big: expected array to have <=20000 items\)$/,
      ),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    expectOthersComplete(result);
  });
});
