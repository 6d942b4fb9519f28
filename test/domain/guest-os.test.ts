import { describe, expect, it } from 'vitest';
import { guestFromDeclared } from '../../src/domain/guest-os.js';

describe('guestFromDeclared', () => {
  it('from release and edition', () => {
    expect(guestFromDeclared({ release: '2022', edition: 'standard' })).toEqual({
      family: 'windows-server',
      release: '2022',
      edition: 'standard',
      build: null,
      name: null,
      stale: false,
    });
  });

  it('from a caption', () => {
    expect(guestFromDeclared({ os: 'Windows Server 2019 Datacenter' })).toMatchObject({
      family: 'windows-server',
      release: '2019',
      edition: 'datacenter',
    });
  });

  it('from a build', () => {
    expect(guestFromDeclared({ build: 14393 })).toMatchObject({
      family: 'windows-server',
      release: '2016',
      build: 14393,
    });
  });

  it('tells client Windows and other systems by their caption', () => {
    expect(guestFromDeclared({ os: 'Windows 11 Enterprise' }).family).toBe('windows-client');
    expect(guestFromDeclared({ os: 'Ubuntu 24.04 LTS' }).family).toBe('other');
    expect(guestFromDeclared({ os: 'Rocky Linux 9' }).release).toBeNull();
  });

  it('the build wins over the caption; the caption decides only without a build', () => {
    expect(guestFromDeclared({ os: 'Windows Server 2019 Standard', build: 20348 }).release).toBe('2022');
    expect(guestFromDeclared({ os: 'Windows Server 2019 Standard', build: 30000 }).release).toBeNull();
  });

  it('build 17763 with a semi-annual EditionID is 1809', () => {
    expect(guestFromDeclared({ build: 17763, edition: 'datacenter', semiAnnual: true }).release).toBe('1809');
    expect(guestFromDeclared({ build: 17763, edition: 'datacenter' }).release).toBe('2019');
  });
});
