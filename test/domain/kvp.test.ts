import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guestFromKvp, parseIntrinsicItems, parseKvpItem } from '../../src/domain/kvp.js';
import { vmApplicability } from '../../src/domain/policy.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/raw/${name}`, import.meta.url), 'utf8')) as string[];

describe('parseKvpItem', () => {
  it('reads PROPERTY elements by name, not position, and decodes entities', () => {
    const item = parseKvpItem(
      '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Source" TYPE="uint16"><VALUE>2</VALUE></PROPERTY>' +
        '<PROPERTY NAME="Name" TYPE="string"><VALUE>OSName</VALUE></PROPERTY>' +
        '<PROPERTY NAME="Data" TYPE="string"><VALUE>A &amp; B &lt;C&gt; &#65;</VALUE></PROPERTY></INSTANCE>',
    );
    expect(item.get('Name')).toBe('OSName');
    expect(item.get('Data')).toBe('A & B <C> A');
    expect(item.get('Source')).toBe('2');
  });

  it('returns nothing for text that is not an item', () => {
    expect(parseKvpItem('<not xml').size).toBe(0);
    expect(parseKvpItem('x'.repeat(100_000)).size).toBe(0);
  });
});

describe('parseIntrinsicItems', () => {
  it('maps Name to Data, strips the trailing line feed, keeps the first of duplicates', () => {
    const pairs = parseIntrinsicItems(fixture('kvp-2022-datacenter.json'));
    expect(pairs.get('OSPlatformId')).toBe('2');
    expect(pairs.get('OSBuildNumber')).toBe('20348');
    const hostile = parseIntrinsicItems(fixture('kvp-hostile.json'));
    expect(hostile.get('OSName')).toMatch(/^Windows Server 2022 Datacenter <script>/);
  });
});

describe('guestFromKvp', () => {
  it.each([
    [
      'kvp-2022-datacenter.json',
      { family: 'windows-server', release: '2022', edition: 'datacenter', build: 20348 },
    ],
    [
      'kvp-2025-standard-core.json',
      { family: 'windows-server', release: '2025', edition: 'standard', build: 26100 },
    ],
    [
      'kvp-2019-domain-controller.json',
      { family: 'windows-server', release: '2019', edition: 'standard', build: 17763 },
    ],
    [
      'kvp-1809-datacenter-core.json',
      { family: 'windows-server', release: '1809', edition: 'datacenter', build: 17763 },
    ],
    [
      'kvp-2012r2-standard.json',
      { family: 'windows-server', release: '2012R2', edition: 'standard', build: 9600 },
    ],
    [
      'kvp-2012-datacenter.json',
      { family: 'windows-server', release: '2012', edition: 'datacenter', build: 9200 },
    ],
    [
      'kvp-2022-essentials.json',
      { family: 'windows-server', release: '2022', edition: 'essentials', build: 20348 },
    ],
    [
      'kvp-2019-essentials.json',
      { family: 'windows-server', release: '2019', edition: 'essentials', build: 17763 },
    ],
    [
      'kvp-2022-datacenter-evaluation.json',
      { family: 'windows-server', release: '2022', edition: 'datacenter-evaluation', build: 20348 },
    ],
    [
      'kvp-2012r2-foundation.json',
      { family: 'windows-server', release: '2012R2', edition: 'foundation', build: 9600 },
    ],
    [
      'kvp-hyper-v-server-2019.json',
      { family: 'windows-server', release: '2019', edition: 'hyper-v-server', build: 17763 },
    ],
    // Azure Local shares build 20348 with Windows Server 2022, but is no Windows Server release.
    [
      'kvp-azure-stack-hci.json',
      { family: 'windows-server', release: null, edition: 'azure-local', build: 20348 },
    ],
    ['kvp-windows-11.json', { family: 'windows-client', release: null, edition: 'client', build: 22631 }],
    ['kvp-linux.json', { family: 'other', release: null, edition: null, build: null }],
  ])('%s', (file, expected) => {
    expect(guestFromKvp(fixture(file))).toMatchObject(expected);
  });

  it('is null when the VM reports nothing (off, KVP off, no integration services)', () => {
    expect(guestFromKvp(null)).toBeNull();
    expect(guestFromKvp([])).toBeNull();
    expect(guestFromKvp(['<garbage/>'])).toBeNull();
  });

  it('does not trust a build number that is not digits; falls back to OSVersion', () => {
    const guest = guestFromKvp(fixture('kvp-hostile.json'));
    expect(guest).toMatchObject({ family: 'windows-server', release: '2022', build: 20348 });
  });

  const without = (file: string, ...names: string[]) =>
    fixture(file).filter((xml) => !names.some((name) => xml.includes(`<VALUE>${name}</VALUE></PROPERTY>`)));

  it('with no build (OSBuildNumber and OSVersion missing), the release comes from OSName', () => {
    const items = without('kvp-2019-domain-controller.json', 'OSBuildNumber', 'OSVersion');
    expect(items.length).toBeGreaterThan(5);
    expect(guestFromKvp(items)).toMatchObject({ release: '2019', build: null });
  });

  it('the build wins over an OSName that names another release', () => {
    const items = fixture('kvp-2022-datacenter.json').map((xml) =>
      xml.replace(
        '<VALUE>Windows Server 2022 Datacenter</VALUE>',
        '<VALUE>Windows Server 2019 Datacenter</VALUE>',
      ),
    );
    expect(guestFromKvp(items)).toMatchObject({
      release: '2022',
      build: 20348,
      name: 'Windows Server 2019 Datacenter',
    });
  });

  it('OSEditionId and OSName that disagree leave the edition unknown: judged, never set aside', () => {
    const sku = (value: string) =>
      fixture('kvp-2022-datacenter.json').map((xml) =>
        xml.includes('>OSEditionId<')
          ? xml.replace(/(NAME="Data" TYPE="string"><VALUE>)8</, `$1${value}<`)
          : xml,
      );
    // SKU 50 is Essentials (no AVMA key for 2022), OSName says Datacenter.
    const guest = guestFromKvp(sku('50'));
    expect(guest).toMatchObject({ family: 'windows-server', release: '2022', edition: null });
    expect(vmApplicability({ activation: 'avma', activationBasis: 'assumed', guest }).applies).toBe(true);
    expect(guestFromKvp(sku('8'))?.edition).toBe('datacenter');
  });

  it('a build avma-check does not know stays unknown, whatever OSName says', () => {
    const items = fixture('kvp-2022-datacenter.json').map((xml) =>
      xml.replace(/<VALUE>(10\.0\.)?20348<\/VALUE>/, '<VALUE>$130000</VALUE>'),
    );
    expect(guestFromKvp(items)).toMatchObject({ release: null, build: 30000 });
  });
});
