// Windows Server releases, their build numbers, and the order AVMA compares them in (domain.md 1.2, 1.3, 3.3).

export const LTSC_RELEASES = ['2012R2', '2016', '2019', '2022', '2025'] as const;
export type LtscRelease = (typeof LTSC_RELEASES)[number];

export const SEMI_ANNUAL_RELEASES = ['1709', '1803', '1809', '1903', '1909', '2004', '20H2', '23H2'] as const;
export type SemiAnnualRelease = (typeof SEMI_ANNUAL_RELEASES)[number];

/** Releases older than 2012 R2: they can neither host nor take AVMA. */
export const LEGACY_RELEASES = ['2008', '2008R2', '2012'] as const;
export type LegacyRelease = (typeof LEGACY_RELEASES)[number];

export type Release = LtscRelease | SemiAnnualRelease | LegacyRelease;
export const RELEASES: readonly Release[] = [...LEGACY_RELEASES, ...LTSC_RELEASES, ...SEMI_ANNUAL_RELEASES];

const RELEASE_NAMES: Record<Release, string> = {
  '2008': 'Windows Server 2008',
  '2008R2': 'Windows Server 2008 R2',
  '2012': 'Windows Server 2012',
  '2012R2': 'Windows Server 2012 R2',
  '2016': 'Windows Server 2016',
  '2019': 'Windows Server 2019',
  '2022': 'Windows Server 2022',
  '2025': 'Windows Server 2025',
  '1709': 'Windows Server, version 1709',
  '1803': 'Windows Server, version 1803',
  '1809': 'Windows Server, version 1809',
  '1903': 'Windows Server, version 1903',
  '1909': 'Windows Server, version 1909',
  '2004': 'Windows Server, version 2004',
  '20H2': 'Windows Server, version 20H2',
  '23H2': 'Windows Server, version 23H2',
};

export function releaseName(release: Release): string {
  return RELEASE_NAMES[release];
}

/** Builds shared by an LTSC and a semi-annual release are told apart by edition (see releaseFromBuild). */
const BUILD_RELEASES: ReadonlyMap<number, Release> = new Map<number, Release>([
  [6001, '2008'],
  [6002, '2008'],
  [6003, '2008'],
  [7600, '2008R2'],
  [7601, '2008R2'],
  [9200, '2012'],
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
]);

const SEMI_ANNUAL_OF_SHARED_BUILD: ReadonlyMap<number, SemiAnnualRelease> = new Map([[17763, '1809']]);

/**
 * Release of a Windows Server build. `semiAnnualEdition` tells 1809 from 2019 (both build 17763).
 * Returns null for builds avma-check does not know.
 */
export function releaseFromBuild(build: number, semiAnnualEdition = false): Release | null {
  if (semiAnnualEdition) {
    const semiAnnual = SEMI_ANNUAL_OF_SHARED_BUILD.get(build);
    if (semiAnnual) return semiAnnual;
  }
  return BUILD_RELEASES.get(build) ?? null;
}

export function isRelease(value: string): value is Release {
  return (RELEASES as readonly string[]).includes(value);
}

export function isLtscRelease(value: Release): value is LtscRelease {
  return (LTSC_RELEASES as readonly string[]).includes(value);
}

export function isSemiAnnualRelease(value: Release): value is SemiAnnualRelease {
  return (SEMI_ANNUAL_RELEASES as readonly string[]).includes(value);
}

export function isLegacyRelease(value: Release): value is LegacyRelease {
  return (LEGACY_RELEASES as readonly string[]).includes(value);
}

/** Accepts what people write: "2022", 2022, "2012 R2", "2012r2", "20h2", "Windows Server 2019". */
export function parseRelease(text: string | number): Release | null {
  const compact = String(text)
    .trim()
    .toUpperCase()
    .replace(/^WINDOWS\s+SERVER\s*,?\s*(VERSION\s+)?/, '')
    .replace(/\s+/g, '');
  return isRelease(compact) ? compact : null;
}

/**
 * Finds the release in an OS caption such as "Windows Server 2022 Datacenter", "Windows Server, version 1809"
 * or "Microsoft Hyper-V Server 2019".
 */
export function releaseFromCaption(caption: string): Release | null {
  const match = /(?:Windows|Hyper-V) Server(?:,\s*version\s+(\w{4})|\s+(\d{4})(\s+R2)?)/i.exec(caption);
  if (!match) return null;
  const [, semiAnnual, year, r2] = match;
  return parseRelease(semiAnnual ?? `${year}${r2 ? 'R2' : ''}`);
}
