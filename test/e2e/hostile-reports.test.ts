// Names a node reports (VMs, cluster members) with controls, ANSI escapes, bidi overrides, markup and __proto__,
// scanned over SSH and written in every format by one CLI run: nothing raw reaches a terminal, and every report
// stays valid JSON, XML, SARIF, Markdown and workflow commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/report/format-names.js';
import { hostDocument, type SimClusterSpec } from '../../src/sim/recordings.js';
import { type ServedCluster, serveSpec } from '../../src/sim/serve-spec.js';
import { readGithub, validateJunit, validateReport, validateSarif } from '../helpers/formats.js';
import { type RunResult, run } from '../helpers/main.js';
import { writeSimConfig } from '../helpers/sim-config.js';

const ESC = '\u001b';
const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  `ansi${ESC}[31mred${ESC}[0m${ESC}]8;;http://evil.example${ESC}\\link${ESC}]8;;${ESC}\\${ESC}[2J`,
  'bidi\u202etxt.exe\u2066x\u2069\u200f',
  'ctl\u0000\u0007\b\r\n\t\u007f\u0085\u009b31m\uFFFE',
  'md | pipe | *bold* <b>html</b> [link](javascript:alert(1)) `code` \\| # head',
  'xml ]]> <x a="&amp;\'"> &lt;',
  'gh%0A::error ::pwned\n::error::again',
  'x'.repeat(4000),
];
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const spec: SimClusterSpec = {
  name: 'hostile',
  hosts: [
    { name: 'N1', release: '2022', edition: 'Datacenter' },
    { name: 'N2', release: '2019', edition: 'Datacenter' },
  ],
  vms: HOSTILE_NAMES.map((name, i) => ({
    name,
    owner: i % 2 ? 'N1' : 'N2',
    guest: { release: i % 3 ? '2022' : '2019', edition: 'Standard' },
  })),
};
// N1 names cluster members nobody configured: they are reported as not read, by these names.
const MEMBERS = ['__proto__', `HV${ESC}[2J\u202e`, 'constructor'];
const n1 = hostDocument(
  {
    ...spec,
    hosts: [
      ...spec.hosts,
      ...MEMBERS.map((name) => ({ name, release: '2022' as const, edition: 'Datacenter' as const })),
    ],
  },
  spec.hosts[0] as SimClusterSpec['hosts'][number],
);

let served: ServedCluster;
let result: RunResult;
const out: Record<string, string> = {};

beforeAll(async () => {
  served = await serveSpec(spec, { firstOctet: 90, faults: { N1: { document: n1 } } });
  const config = writeSimConfig(served, { commandTimeoutSeconds: 5 });
  const pairs = REPORT_FORMATS.flatMap((format) => [
    '-f',
    format,
    '-o',
    join(served.dir, `report.${format}`),
  ]);
  result = await run(['scan', '-c', config, '--now', '2026-11-22', ...pairs, '-f', 'text', '-o', '-']);
  for (const format of REPORT_FORMATS)
    out[format] = readFileSync(join(served.dir, `report.${format}`), 'utf8');
});

afterAll(() => served.close());

describe('hostile names through every report', () => {
  it('every node was read, and the run failed on the VMs at risk', () => {
    const report = JSON.parse(out.json ?? '');
    expect(report.clusters[0].nodes.map((n: { name: string; error: unknown }) => [n.name, n.error])).toEqual(
      expect.arrayContaining([
        ['N1', null],
        ['N2', null],
      ]),
    );
    expect(result.code).toBe(1);
  });

  it('JSON keeps every name exactly, escaped, and matches the schema', () => {
    expect(out.json).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const report = JSON.parse(out.json ?? '');
    validateReport(report);
    const vms = report.clusters[0].vms.map((vm: { name: string }) => vm.name);
    expect(vms.sort()).toEqual([...HOSTILE_NAMES].sort());
    const nodes = report.clusters[0].nodes.map((node: { name: string }) => node.name);
    expect(nodes).toEqual(expect.arrayContaining(MEMBERS));
  });

  it('JUnit is valid against both Jenkins schemas; SARIF against its schema', () => {
    validateJunit(out.junit ?? '');
    validateSarif(JSON.parse(out.sarif ?? ''));
  });

  it('text, Markdown, workflow commands and the progress lines carry no control character', () => {
    for (const text of [out.text, out.markdown, out.github, result.stdout, result.stderr])
      expect(text).not.toMatch(CONTROLS);
    expect(result.stdout).toBe(out.text);
  });

  it("each workflow command stays one line; each Markdown table row has its header row's columns", () => {
    readGithub(out.github ?? '');
    expect(out.github).not.toMatch(/^::error::/m);
    const lines = (out.markdown ?? '').split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (const [i, line] of lines.entries()) {
      if (!/^\|[ -]+\|/.test(line) || !line.includes('---')) continue;
      const header = lines[i - 1] ?? '';
      for (let row = i + 1; lines[row]?.startsWith('|'); row++)
        expect(cells(lines[row] ?? ''), lines[row]).toBe(cells(header));
    }
  });
});
