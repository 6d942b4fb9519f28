import { describe, expect, it } from 'vitest';
import { parseRelease, releaseFromBuild, releaseFromCaption } from '../../src/domain/releases.js';

describe('releaseFromBuild', () => {
  it.each([
    [9600, '2012R2'],
    [14393, '2016'],
    [16299, '1709'],
    [17134, '1803'],
    [17763, '2019'],
    [18362, '1903'],
    [18363, '1909'],
    [19041, '2004'],
    [19042, '20H2'],
    [20348, '2022'],
    [25398, '23H2'],
    [26100, '2025'],
    [9200, '2012'],
    [7601, '2008R2'],
  ])('build %i is %s', (build, release) => {
    expect(releaseFromBuild(build)).toBe(release);
  });

  it('tells 1809 from 2019 by a semi-annual edition', () => {
    expect(releaseFromBuild(17763, true)).toBe('1809');
    expect(releaseFromBuild(20348, true)).toBe('2022');
  });

  it('knows no release for an unknown build', () => {
    expect(releaseFromBuild(27000)).toBeNull();
    expect(releaseFromBuild(0)).toBeNull();
  });
});

describe('parseRelease', () => {
  it.each([
    ['2022', '2022'],
    [2019, '2019'],
    ['2012 R2', '2012R2'],
    ['2012r2', '2012R2'],
    ['20h2', '20H2'],
    ['Windows Server 2016', '2016'],
    ['Windows Server, version 1809', '1809'],
  ])('%s is %s', (text, release) => {
    expect(parseRelease(text)).toBe(release);
  });

  it.each(['2030', 'vista', '', '2022 SP1'])('refuses %s', (text) => {
    expect(parseRelease(text)).toBeNull();
  });
});

describe('releaseFromCaption', () => {
  it.each([
    ['Microsoft Windows Server 2022 Datacenter', '2022'],
    ['Windows Server 2012 R2 Standard', '2012R2'],
    ['Windows Server, version 1903 Datacenter', '1903'],
    ['Windows Server 2025 Datacenter: Azure Edition', '2025'],
    ['Microsoft Hyper-V Server 2019', '2019'],
    ['Hyper-V Server 2012 R2', '2012R2'],
  ])('%s is %s', (caption, release) => {
    expect(releaseFromCaption(caption)).toBe(release);
  });

  it('finds none in a caption without a release', () => {
    expect(releaseFromCaption('Windows Server Datacenter')).toBeNull();
    expect(releaseFromCaption('Ubuntu 24.04 LTS')).toBeNull();
  });
});
