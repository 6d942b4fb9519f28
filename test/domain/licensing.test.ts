import { describe, expect, it } from 'vitest';
import { interpretLicense, isAddOnLicense, licenseStateOf } from '../../src/domain/licensing.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

describe('licenseStateOf (LicenseStatus)', () => {
  it.each([
    [0, 'Unlicensed'],
    [1, 'Licensed'],
    [2, 'OOBGrace'],
    [3, 'OOTGrace'],
    [4, 'NonGenuineGrace'],
    [5, 'Notification'],
    [6, 'ExtendedGrace'],
  ])('%i is %s', (status, state) => {
    expect(licenseStateOf(status)).toBe(state);
  });

  it('knows no state for codes outside 0..6', () => {
    expect(licenseStateOf(7)).toBeNull();
    expect(licenseStateOf(-1)).toBeNull();
    expect(licenseStateOf(1.5)).toBeNull();
  });
});

describe('interpretLicense', () => {
  it('a permanent activation: Licensed, grace 0', () => {
    const result = interpretLicense(
      {
        licenseStatus: 1,
        gracePeriodRemaining: 0,
        description: 'Windows(R) Operating System, VOLUME_MAK channel',
      },
      NOW,
    );
    expect(result).toEqual({ activated: true, licenseState: 'Licensed', expires: null, evaluation: false });
  });

  it('an evaluation host: Licensed, counting down in minutes, TIMEBASED_EVAL', () => {
    const result = interpretLicense(
      {
        licenseStatus: 1,
        gracePeriodRemaining: 43200,
        description: 'Windows(R) Operating System, TIMEBASED_EVAL channel',
      },
      NOW,
    );
    expect(result).toEqual({
      activated: true,
      licenseState: 'Licensed',
      expires: '2026-12-22T00:00:00.000Z',
      evaluation: true,
    });
  });

  it('a host in its initial grace period is not activated, and says when the grace ends', () => {
    const result = interpretLicense({ licenseStatus: 2, gracePeriodRemaining: 1440 }, NOW);
    expect(result).toEqual({
      activated: false,
      licenseState: 'OOBGrace',
      expires: '2026-11-23T00:00:00.000Z',
      evaluation: false,
    });
  });

  it('an unknown status code is not activated', () => {
    expect(interpretLicense({ licenseStatus: 9 }, NOW).activated).toBe(false);
  });
});

describe('isAddOnLicense (domain.md 3.5: only the OS row decides)', () => {
  it('believes LicenseIsAddon when the collector gives it', () => {
    expect(isAddOnLicense({ family: 'Server-ESU-Year1', isAddon: true })).toBe(true);
    expect(isAddOnLicense({ family: 'ServerDatacenter', isAddon: false })).toBe(false);
    // LicenseIsAddon false wins over a name that would look like an add-on.
    expect(isAddOnLicense({ name: 'Windows(R), ServerDatacenter edition (ESU)', isAddon: false })).toBe(
      false,
    );
  });

  it.each([
    [{ family: 'Server-ESU-Year2' }, true],
    [{ name: 'Windows(R), Server-ESU-Year3 add-on for ServerStandard' }, true],
    [{ description: 'Windows(R) Operating System, ESU add-on' }, true],
    [{ name: 'Windows(R), SomeProduct addon' }, true],
    [
      {
        name: 'Windows(R), ServerDatacenter edition',
        description: 'Windows(R) Operating System, VOLUME_MAK channel',
      },
      false,
    ],
    [{ name: 'Windows(R), ServerEssentials edition', family: 'ServerSolution' }, false],
    [{}, false],
  ])('without LicenseIsAddon (an older collector) reads %j as add-on: %s', (row, addOn) => {
    expect(isAddOnLicense(row)).toBe(addOn);
  });
});
