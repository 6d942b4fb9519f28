// Which guests avma-check judges, and why the others are not applicable (domain.md 1.2, 1.4, 1.5, section 0),
// from each form a guest's facts arrive in: KVP items as Windows prints them, and declared names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DeclaredGuest, guestFromDeclared } from '../../src/domain/guest-os.js';
import { guestFromKvp } from '../../src/domain/kvp.js';
import { isStaleGuestState, vmApplicability } from '../../src/domain/policy.js';
import type { ActivationBasis, GuestOs, VmActivation } from '../../src/model/facts.js';

const kvp = (file: string) =>
  guestFromKvp(JSON.parse(readFileSync(new URL(`../fixtures/raw/${file}`, import.meta.url), 'utf8')));
const judged = (
  guest: GuestOs | null,
  activation: VmActivation = 'avma',
  activationBasis: ActivationBasis = 'assumed',
) => vmApplicability({ activation, activationBasis, guest });

describe('guests with no published AVMA key are not applicable, with the reason', () => {
  it.each([
    ['kvp-2022-essentials.json', 'no AVMA key is published for Windows Server 2022 Essentials'],
    [
      'kvp-2022-datacenter-evaluation.json',
      'no AVMA key is published for Windows Server 2022 Datacenter Evaluation',
    ],
    ['kvp-2012r2-foundation.json', 'no AVMA key is published for Windows Server 2012 R2 Foundation'],
    ['kvp-hyper-v-server-2019.json', 'no AVMA key is published for Hyper-V Server 2019'],
    ['kvp-azure-stack-hci.json', 'no AVMA key is published for Azure Local (Azure Stack HCI) guests'],
  ])('from KVP: %s', (file, reason) => {
    expect(judged(kvp(file))).toEqual({ applies: false, reason });
  });

  it.each<[string, DeclaredGuest, string]>([
    ['Essentials 2025', { release: '2025', edition: 'essentials' }, 'Windows Server 2025 Essentials'],
    [
      'Standard Evaluation',
      { release: '2019', edition: 'standard-evaluation' },
      'Windows Server 2019 Standard Evaluation',
    ],
    [
      'an evaluation caption',
      { os: 'Windows Server 2016 Datacenter Evaluation' },
      'Windows Server 2016 Datacenter Evaluation',
    ],
    ['Foundation, release unknown', { edition: 'foundation' }, 'Windows Server Foundation'],
    ['a Hyper-V Server caption', { os: 'Microsoft Hyper-V Server 2016' }, 'Hyper-V Server 2016'],
    ['an Azure Stack HCI caption', { os: 'Azure Stack HCI' }, 'Azure Local (Azure Stack HCI) guests'],
    [
      'Azure Local by edition',
      { edition: 'azure-local', build: 26100 },
      'Azure Local (Azure Stack HCI) guests',
    ],
  ])('declared: %s', (_what, declared, product) => {
    expect(judged(guestFromDeclared(declared))).toEqual({
      applies: false,
      reason: `no AVMA key is published for ${product}`,
    });
  });
});

describe('guests that stay AVMA guests', () => {
  it.each([
    ['Essentials 2019 (it has a key)', kvp('kvp-2019-essentials.json')],
    ['Essentials 2016', guestFromDeclared({ release: '2016', edition: 'essentials' })],
    ['Essentials 2012 R2', guestFromDeclared({ os: 'Windows Server 2012 R2 Essentials' })],
    [
      'Essentials of an unknown release (guest-unknown judges it)',
      guestFromDeclared({ edition: 'essentials' }),
    ],
    ['Datacenter 2022', kvp('kvp-2022-datacenter.json')],
    ['Azure Edition 2022', guestFromDeclared({ release: '2022', edition: 'datacenter-azure-edition' })],
    ['an unknown guest', null],
  ])('%s', (_what, guest) => {
    expect(judged(guest)).toEqual({ applies: true, reason: null });
  });
});

describe('the other guests AVMA cannot activate', () => {
  it.each([
    [
      'client Windows',
      kvp('kvp-windows-11.json'),
      /^client Windows: AVMA activates Windows Server guests only$/,
    ],
    ['Linux', kvp('kvp-linux.json'), /^not Windows/],
    ['Windows Server 2012', kvp('kvp-2012-datacenter.json'), /^Windows Server 2012 is older than 2012 R2/],
  ])('%s', (_what, guest, reason) => {
    const result = judged(guest);
    expect(result.applies).toBe(false);
    expect(result.reason).toMatch(reason);
  });

  it.each<[ActivationBasis, string]>([
    ['declared', 'activated another way: declared activation: other'],
    ['pattern', 'activated another way: its name matches an activation exception with activation: other'],
    ['default', 'activated another way: the activation default of its cluster (or of defaults) is other'],
  ])('a VM with activation other (%s) says where that came from', (basis, reason) => {
    expect(judged(kvp('kvp-2022-datacenter.json'), 'other', basis)).toEqual({ applies: false, reason });
  });

  it('a VM whose activation is unknown is judged, as if it used AVMA', () => {
    expect(judged(kvp('kvp-2022-datacenter.json'), 'unknown', 'default')).toEqual({
      applies: true,
      reason: null,
    });
  });
});

describe('isStaleGuestState (domain.md 5: KVP of a VM that is not running is what it last reported)', () => {
  it.each([
    ['Running', false],
    ['running', false],
    ['RunningCritical', false],
    ['Off', true],
    ['Saved', true],
    ['Paused', true],
    ['FastSaved', true],
    ['Starting', true],
    ['Stopping', true],
    ['Saving', true],
    ['Resuming', true],
    ['Reset', true],
    ['Other', true],
    ['OffCritical', true],
  ])('%s: stale %s', (state, stale) => {
    expect(isStaleGuestState(state)).toBe(stale);
  });

  it('an unknown state says nothing', () => {
    expect(isStaleGuestState(null)).toBe(false);
  });
});
