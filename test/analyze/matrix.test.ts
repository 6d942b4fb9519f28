// The full host x guest release matrix of domain.md 1.2 and 1.3, written out here independently of
// src/domain/policy.ts, run through analyze() end to end.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { EditionFamily } from '../../src/domain/editions.js';
import type { Release } from '../../src/domain/releases.js';
import type { AzureLocalAvma, NodeFacts } from '../../src/model/facts.js';
import type { TargetVerdict, VmVerdict } from '../../src/model/report.js';
import { aCluster, NOW } from '../helpers/cluster.js';

const HOSTS = ['2025', '2022', '2019', '2016', '2012R2'] as const;
const GUESTS = ['2025', '2022', '2019', '2016', '2012R2'] as const;

// domain.md 1.2: rows are hosts, columns guests (2025, 2022, 2019, 2016, 2012 R2).
const TABLE: Record<(typeof HOSTS)[number], string> = {
  '2025': 'yes yes yes yes yes',
  '2022': 'no  yes yes yes yes',
  '2019': 'no  no  yes yes yes',
  '2016': 'no  no  no  yes yes',
  '2012R2': 'no  no  no  no  yes',
};

// domain.md 1.3 and section 0: the level each semi-annual guest is judged at, or not covered.
const SEMI_ANNUAL_GUESTS: Record<string, (typeof GUESTS)[number] | 'not-covered'> = {
  '1709': '2016',
  '1803': '2016',
  '1809': '2019',
  '1903': '2019',
  '1909': '2019',
  '2004': 'not-covered',
  '20H2': 'not-covered',
  '23H2': 'not-covered',
};

function judge(host: Partial<NodeFacts>, guestRelease: Release, edition: EditionFamily = 'standard') {
  const cluster = aCluster()
    .node('H', host)
    .node('H2', host)
    .vm('vm', { guest: { release: guestRelease, build: null, edition } })
    .build();
  const vm = analyze([cluster], { now: NOW }).clusters[0]?.vms[0];
  return { verdict: vm?.verdict, target: vm?.targets[0] };
}

describe('AVMA host x guest matrix (domain.md 1.2)', () => {
  for (const host of HOSTS) {
    const row = (TABLE[host] ?? '').split(/\s+/);
    GUESTS.forEach((guest, column) => {
      const expected: TargetVerdict = row[column] === 'yes' ? 'ok' : 'fail';
      it(`${host} host, ${guest} guest: ${expected}`, () => {
        const { target } = judge({ release: host, build: null }, guest);
        expect(target?.verdict).toBe(expected);
        expect(target?.rules).toEqual(expected === 'ok' ? [] : ['guest-newer-than-host']);
      });
    });
  }
});

describe('semi-annual guests (domain.md 1.3)', () => {
  for (const [guest, level] of Object.entries(SEMI_ANNUAL_GUESTS)) {
    for (const host of HOSTS) {
      const expected: TargetVerdict =
        level === 'not-covered'
          ? 'unknown'
          : (TABLE[host] ?? '').split(/\s+/)[GUESTS.indexOf(level)] === 'yes'
            ? 'ok'
            : 'fail';
      it(`${host} host, ${guest} guest: ${expected}`, () => {
        expect(judge({ release: host, build: null }, guest as Release).target?.verdict).toBe(expected);
      });
    }
  }
});

describe('hosts outside the table', () => {
  it.each(['1709', '1809', '2004', '23H2'] as const)(
    'a %s (semi-annual) host is not judged: unknown',
    (host) => {
      const { target } = judge({ release: host, build: null }, '2016');
      expect(target).toMatchObject({ verdict: 'unknown', rules: ['release-not-covered'] });
    },
  );

  it.each(['2012', '2008R2'] as const)('a %s host activates nothing', (host) => {
    expect(judge({ release: host, build: null }, '2012R2').target).toMatchObject({
      verdict: 'fail',
      rules: ['guest-newer-than-host'],
    });
  });
});

describe('guests that cannot use AVMA (domain.md 1.2)', () => {
  it.each(['2012', '2008R2', '2008'] as const)('a %s guest is not applicable', (guest) => {
    expect(judge({}, guest).verdict).toBe<VmVerdict>('not-applicable');
  });
});

// domain.md 1.4, 1.5 and section 0: guest editions with no published AVMA key are not applicable on every host
// (losing AVMA cannot hurt them); Essentials of 2012 R2, 2016 and 2019 has keys and follows the release table.
const GUEST_EDITIONS: [EditionFamily, (typeof GUESTS)[number], 'not-applicable' | 'table'][] = [
  ['essentials', '2025', 'not-applicable'],
  ['essentials', '2022', 'not-applicable'],
  ['essentials', '2019', 'table'],
  ['essentials', '2016', 'table'],
  ['essentials', '2012R2', 'table'],
  ['datacenter-evaluation', '2022', 'not-applicable'],
  ['standard-evaluation', '2019', 'not-applicable'],
  ['foundation', '2012R2', 'not-applicable'],
  ['hyper-v-server', '2019', 'not-applicable'],
  ['azure-local', '2022', 'not-applicable'],
  ['datacenter-azure-edition', '2022', 'table'],
];

describe('guest editions (domain.md 1.5)', () => {
  for (const [edition, guest, expected] of GUEST_EDITIONS) {
    for (const host of HOSTS) {
      const cell = (TABLE[host] ?? '').split(/\s+/)[GUESTS.indexOf(guest)];
      const verdict: VmVerdict =
        expected === 'not-applicable' ? 'not-applicable' : cell === 'yes' ? 'safe' : 'at-risk';
      it(`${host} host, ${edition} ${guest} guest: ${verdict}`, () => {
        expect(judge({ release: host, build: null }, guest, edition).verdict).toBe(verdict);
      });
    }
    if (expected === 'not-applicable') {
      it(`${edition} ${guest} is not applicable even on a Standard host, with a reason`, () => {
        const cluster = aCluster()
          .node('S', { edition: 'standard' })
          .vm('vm', { guest: { release: guest, edition } })
          .build();
        const vm = analyze([cluster], { now: NOW }).clusters[0]?.vms[0];
        expect(vm).toMatchObject({ verdict: 'not-applicable', targets: [] });
        expect(vm?.reason).toMatch(/^no AVMA key is published for /);
      });
    }
  }
});

describe('Azure Local hosts (domain.md 1.6)', () => {
  const AZURE_LOCAL: Record<AzureLocalAvma, string> = {
    // guests 2025, 2022, 2019, 2016, 2012 R2 ('-' = not in the table: unknown)
    '2019': 'no  no  yes yes -',
    '2022': 'no  yes yes yes -',
    '2025': 'yes yes yes yes -',
    subscription: 'yes yes yes yes -',
  };
  for (const [source, row] of Object.entries(AZURE_LOCAL)) {
    GUESTS.forEach((guest, column) => {
      const cell = row.split(/\s+/)[column];
      const expected: TargetVerdict = cell === 'yes' ? 'ok' : cell === 'no' ? 'fail' : 'unknown';
      it(`${source} keys, ${guest} guest: ${expected}`, () => {
        const host = {
          edition: 'azure-local' as const,
          release: null,
          build: 25398,
          azureLocalAvma: source as AzureLocalAvma,
        };
        expect(judge(host, guest).target?.verdict).toBe(expected);
      });
    });
  }

  it('an Azure Local host without a declared source is unknown for every guest', () => {
    const { target } = judge({ edition: 'azure-local', release: null, build: 25398 }, '2019');
    expect(target).toMatchObject({ verdict: 'unknown', rules: ['azure-local-avma-undeclared'] });
  });
});
