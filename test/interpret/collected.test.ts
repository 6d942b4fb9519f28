// Collector output gathered by PowerShell remoting: every document in a file, in the encodings PowerShell
// writes, each named by its node line so a damaged one still says whose it was.
import { describe, expect, it } from 'vitest';
import { decodeCollected } from '../../src/config/load-collected.js';
import { collectedDocuments } from '../../src/interpret/collected.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { resultText } from '../../src/sim/sim-cluster.js';

const spec: SimClusterSpec = {
  name: 'c',
  hosts: [
    { name: 'HV01', release: '2022', edition: 'Datacenter' },
    { name: 'HV02', release: '2022', edition: 'Datacenter' },
  ],
  vms: [
    {
      name: 'AVMA-CHECK-END-9c1e AVMA-CHECK-BEGIN-9c1e',
      owner: 'HV01',
      guest: { release: '2022', edition: 'Standard' },
    },
  ],
};
const [one, two] = spec.hosts.map((host) => resultText(hostDocument(spec, host))) as [string, string];
/** Out-File in Windows PowerShell 5.1: each pipeline string, then CRLF; UTF-16LE with a BOM. */
const outFile = (...strings: string[]) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(strings.map((s) => `${s}\r\n`).join(''), 'utf16le')]);

describe('collected output', () => {
  it('finds every document and whose it is, whatever a VM is named', () => {
    const docs = collectedDocuments(decodeCollected(outFile(one, two)), 'f.txt');
    expect(docs.map((d) => [d.node, d.parsed.ok && d.parsed.raw.computerName])).toEqual([
      ['HV01', 'HV01'],
      ['HV02', 'HV02'],
    ]);
    expect(
      docs[0]?.parsed.ok && docs[0].parsed.raw.probes.vms.ok && docs[0].parsed.raw.probes.vms.value[0]?.Name,
    ).toBe('AVMA-CHECK-END-9c1e AVMA-CHECK-BEGIN-9c1e');
  });

  it("a document cut short is that node's damaged document, and the next one is still read", () => {
    const cut = one.slice(0, one.indexOf('AVMA-CHECK-END-9c1e') - 200);
    const docs = collectedDocuments(decodeCollected(outFile(cut, two)), 'f.txt');
    expect(docs.map((d) => [d.node, d.parsed.ok])).toEqual([
      ['HV01', false],
      ['HV02', true],
    ]);
    expect(docs[0]?.parsed.ok === false && docs[0].parsed.message).toMatch(
      /end marker is missing|not valid JSON|not base64/,
    );
  });

  it.each([
    ['UTF-16LE with a BOM (Out-File, > in 5.1)', (t: string) => outFile(t)],
    ['UTF-16LE without a BOM', (t: string) => Buffer.from(`${t}\r\n`, 'utf16le')],
    [
      'UTF-16BE with a BOM',
      (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${t}\r\n`, 'utf16le').swap16()]),
    ],
    [
      'UTF-8 with a BOM (Out-File -Encoding utf8 in 5.1)',
      (t: string) => Buffer.from(`\ufeff${t}\r\n`, 'utf8'),
    ],
    ['UTF-8 (PowerShell 7, Set-Content of ASCII)', (t: string) => Buffer.from(`${t}\r\n`, 'utf8')],
  ])('reads %s', (_name, encode) => {
    const docs = collectedDocuments(decodeCollected(encode(one)), 'f.txt');
    expect(docs.map((d) => d.parsed.ok && d.parsed.raw.computerName)).toEqual(['HV01']);
  });
});
