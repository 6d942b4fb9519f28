import { describe, expect, it } from 'vitest';
import { parseCollectorOutput, stderrSummary } from '../../src/interpret/read-output.js';
import { BEGIN_MARKER, END_MARKER } from '../../src/scan/collector-script.js';
import { CLIXML_ACCESS_DENIED, CLIXML_PROGRESS } from '../../src/sim/faults.js';
import { hostDocument } from '../../src/sim/recordings.js';
import { resultText } from '../../src/sim/sim-cluster.js';

const spec = {
  name: 'c',
  hosts: [{ name: 'HÿPER-Ü01', release: '2022' as const, edition: 'Datacenter' as const }],
  vms: [
    {
      name: 'sql-ñ-数据库',
      owner: 'HÿPER-Ü01',
      guest: { release: '2022' as const, edition: 'Standard' as const },
    },
  ],
};
const document = hostDocument(spec, spec.hosts[0] ?? ({} as never));

describe('parseCollectorOutput', () => {
  it('finds the document among banners, noise and CRLF, and keeps non-ASCII names', () => {
    const output = Buffer.from(
      `Welcome to HV01\r\nLast login: today\r\n${resultText(document)}\r\nPS> `,
      'utf8',
    );
    const parsed = parseCollectorOutput(output);
    expect(parsed.ok && parsed.raw.computerName).toBe('HÿPER-Ü01');
    expect(parsed.ok && parsed.raw.probes.vms.ok && parsed.raw.probes.vms.value[0]?.Name).toBe(
      'sql-ñ-数据库',
    );
  });

  it('reads documents of version 1 collectors, whose licence rows lack LicenseIsAddon and LicenseFamily', () => {
    const license = document.probes.license;
    const rows = license.ok ? license.value : [];
    const old = {
      ...document,
      collectorVersion: 1,
      probes: {
        ...document.probes,
        license: {
          ok: true,
          value: rows.map(({ LicenseIsAddon: _a, LicenseFamily: _f, ...row }) => row),
        },
      },
    };
    const parsed = parseCollectorOutput(Buffer.from(resultText(old)));
    expect(parsed.ok && parsed.raw.collectorVersion).toBe(1);
    expect(parsed.ok && parsed.raw.probes.license).toEqual({
      ok: true,
      value: [expect.not.objectContaining({ LicenseIsAddon: false })],
    });
    expect(document.collectorVersion).toBe(2);
  });

  it('reads base64 broken by any whitespace, a no-break space and a tab included', () => {
    const encoded = Buffer.from(JSON.stringify(document)).toString('base64');
    const broken = `${encoded.slice(0, 10)}\t \r\n\u00a0${encoded.slice(10, 20)}\v\f${encoded.slice(20)}`;
    const parsed = parseCollectorOutput(Buffer.from(`${BEGIN_MARKER}${broken}  ${END_MARKER}`, 'latin1'));
    expect(parsed.ok ? parsed.raw.computerName : parsed.message).toBe(document.computerName);
  });

  it('survives a byte order mark inside the base64', () => {
    const withBom = `\r\n${BEGIN_MARKER}\r\n${Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(document))]).toString('base64')}\r\n${END_MARKER}\r\n`;
    expect(parseCollectorOutput(Buffer.from(withBom)).ok).toBe(true);
  });

  it.each([
    ['no markers', 'hello', /begin marker is missing/],
    ['cut short', `${BEGIN_MARKER}\r\nAAAA`, /end marker is missing/],
    ['not base64', `${BEGIN_MARKER}\r\n<<<>>>\r\n${END_MARKER}`, /not base64/],
    ['padding before the end', `${BEGIN_MARKER}\r\nAA==\r\nAAAA\r\n${END_MARKER}`, /not base64/],
    ['three padding characters', `${BEGIN_MARKER}\r\nAA===\r\n${END_MARKER}`, /not base64/],
    ['a byte beyond ASCII', `${BEGIN_MARKER}\r\nAA\u00e9A\r\n${END_MARKER}`, /not base64/],
    ['not JSON', resultText('{"collectorVersion":1,'), /not valid JSON/],
    [
      'the wrong shape',
      resultText({ collectorVersion: 1, computerName: 'x', probes: {} }),
      /does not have the expected shape \(probes\.currentVersion/,
    ],
    [
      'a newer collector',
      resultText({ ...document, collectorVersion: 3 }),
      /expected shape \(collectorVersion/,
    ],
    [
      'an oversized string',
      resultText({ ...document, computerName: 'x'.repeat(10_000) }),
      /expected shape \(computerName/,
    ],
    [
      "two results (which one is the collector's?)",
      `${resultText({ ...document, computerName: 'FORGED' })}${resultText(document)}`,
      /holds 2 begin and 2 end markers where the collector prints one of each/,
    ],
    [
      'nested markers',
      `${BEGIN_MARKER}${resultText(document)}${END_MARKER}`,
      /holds 2 begin and 2 end markers/,
    ],
    [
      'a limit exceeded inside a probe, named where it is',
      resultText({
        ...document,
        probes: { ...document.probes, hyperV: { ok: false, error: 'e'.repeat(20_000) } },
      }),
      /expected shape \(probes\.hyperV\.error: Too big/,
    ],
  ])('refuses %s with a reason', (_what, text, message) => {
    const parsed = parseCollectorOutput(Buffer.from(text));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});

describe('stderrSummary', () => {
  it('reads the error text out of CLIXML and ignores progress records', () => {
    expect(stderrSummary(Buffer.from(CLIXML_ACCESS_DENIED))).toBe(
      'Get-CimInstance : Access denied At line:1 char:1',
    );
    expect(stderrSummary(Buffer.from(CLIXML_PROGRESS))).toBe('');
    expect(stderrSummary(Buffer.from("'powershell.exe' is not recognized\r\n"))).toBe(
      "'powershell.exe' is not recognized",
    );
  });
});
