// Every product decision avma-check takes where the sources are silent or unconfirmed (domain.md section 0).
// Each decision names the fact it leans on, so a confirmed fact changes one line here.
import type { AzureLocalAvma, GuestOs, VmRecord } from '../model/facts.js';
import { type EditionFamily, editionName } from './editions.js';
import { isLegacyRelease, isLtscRelease, type LtscRelease, type Release, releaseName } from './releases.js';

/**
 * Host release -> guest releases it activates (domain.md 1.2). Rows 2012 R2..2022 are Microsoft's table;
 * the 2025 row is corroborated by third parties, not read from Microsoft's table.
 */
export const AVMA_HOST_TABLE: Readonly<Record<LtscRelease, readonly LtscRelease[]>> = {
  '2025': ['2025', '2022', '2019', '2016', '2012R2'],
  '2022': ['2022', '2019', '2016', '2012R2'],
  '2019': ['2019', '2016', '2012R2'],
  '2016': ['2016', '2012R2'],
  '2012R2': ['2012R2'],
};

/**
 * Azure Local AVMA source -> guest releases (domain.md 1.6). A subscription is "evergreen": it covers every
 * release, future ones too. The table lists no 2012 R2 guests.
 */
export const AZURE_LOCAL_TABLE: Readonly<Record<AzureLocalAvma, readonly LtscRelease[] | 'all-from-2016'>> = {
  subscription: 'all-from-2016',
  '2025': ['2025', '2022', '2019', '2016'],
  '2022': ['2022', '2019', '2016'],
  '2019': ['2019', '2016'],
};

/**
 * The AVMA key family of a guest release (domain.md 1.3): semi-annual 1709/1803 carry 2016 keys and
 * 1809/1903/1909 carry 2019 keys (an inference: no Microsoft table lists them). 2004, 20H2 and 23H2 have no
 * AVMA keys; releases before 2012 R2 are never AVMA guests.
 */
const GUEST_KEY_FAMILY: Partial<Record<Release, LtscRelease>> = {
  '2012R2': '2012R2',
  '2016': '2016',
  '1709': '2016',
  '1803': '2016',
  '2019': '2019',
  '1809': '2019',
  '1903': '2019',
  '1909': '2019',
  '2022': '2022',
  '2025': '2025',
};

export interface KeyFamily {
  readonly family: LtscRelease;
  /** True when the family is inferred (a semi-annual release), not read from Microsoft's table. */
  readonly inferred: boolean;
}

// One answer per release, made once: rules ask for every VM on every node.
const KEY_FAMILIES = new Map<Release, KeyFamily>(
  Object.entries(GUEST_KEY_FAMILY).map(([release, family]) => [
    release as Release,
    Object.freeze({ family, inferred: !isLtscRelease(release as Release) }),
  ]),
);

export function guestKeyFamily(release: Release): KeyFamily | null {
  return KEY_FAMILIES.get(release) ?? null;
}

/** Semi-annual hosts appear in no AVMA table (domain.md 1.3): only LTSC releases are judged as hosts. */
export function hostAvmaRelease(release: Release): LtscRelease | null {
  return isLtscRelease(release) ? release : null;
}

export function hostCoversGuest(host: LtscRelease, guest: LtscRelease): boolean {
  return AVMA_HOST_TABLE[host].includes(guest);
}

export function azureLocalCoversGuest(source: AzureLocalAvma, guest: LtscRelease): boolean {
  const covered = AZURE_LOCAL_TABLE[source];
  return covered === 'all-from-2016' ? guest !== '2012R2' : covered.includes(guest);
}

/**
 * How a host edition stands as an AVMA host (domain.md H1, H7, H8, 1.6, 3.2). Evaluation Datacenter counts as
 * Datacenter (and is always warned); Azure Local is judged by its declared AVMA source; Datacenter: Azure
 * Edition as a host is unconfirmed.
 */
export type HostEditionStanding = 'datacenter' | 'not-datacenter' | 'azure-local' | 'unconfirmed';

export function hostEditionStanding(edition: EditionFamily): HostEditionStanding {
  switch (edition) {
    case 'datacenter':
    case 'datacenter-evaluation':
      return 'datacenter';
    case 'azure-local':
      return 'azure-local';
    case 'datacenter-azure-edition':
      return 'unconfirmed';
    default:
      return 'not-datacenter';
  }
}

/** Evaluation is told from the edition or the licence Description, never from LicenseStatus (domain.md 3.5). */
export function isEvaluationHost(edition: EditionFamily | null, evaluationLicense: boolean): boolean {
  return edition === 'datacenter-evaluation' || evaluationLicense;
}

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

/**
 * Get-VM states in which the guest OS runs, so its KVP items are current (domain.md 5, VMState). In every other
 * state the guest is off, saved, paused or in transition (Starting, Stopping, Saving, Resuming, Reset, Other),
 * and its KVP items are what it reported when it last ran: used, but marked stale (domain.md section 0).
 */
const GUEST_RUNNING_STATES = new Set(['running', 'runningcritical']);

/** Whether guest facts read from KVP are stale; an unknown state (null) says nothing. */
export function isStaleGuestState(state: string | null): boolean {
  return state !== null && !GUEST_RUNNING_STATES.has(state.trim().toLowerCase());
}

/**
 * Guest editions for which no AVMA key is published (domain.md 1.4, 1.5, section 0), on every release or on
 * the releases listed. Evaluation editions must be converted before an AVMA key takes; Essentials has keys
 * for 2012 R2, 2016 and 2019 only.
 */
const NO_AVMA_KEY: Partial<Record<EditionFamily, 'every release' | readonly Release[]>> = {
  'datacenter-evaluation': 'every release',
  'standard-evaluation': 'every release',
  foundation: 'every release',
  'hyper-v-server': 'every release',
  'azure-local': 'every release',
  essentials: ['2022', '2025'],
};

/** A VM is judged when it may use AVMA; otherwise `reason` says why it is not applicable. */
export interface Applicability {
  readonly applies: boolean;
  /** Why the VM is not judged; null when it is. */
  readonly reason: string | null;
}

const APPLIES: Applicability = { applies: true, reason: null };
const notApplicable = (reason: string): Applicability => ({ applies: false, reason });

/**
 * Whether a VM uses AVMA at all (domain.md 1.2, 1.5, section 0). Declared `activation: other`, client
 * Windows, non-Windows guests, Windows Server older than 2012 R2, and editions with no published AVMA key
 * do not: losing AVMA cannot hurt them. A VM whose guest is unknown, or whose activation is unknown, is
 * judged as if it used AVMA, so that nothing passes silently.
 */
export function vmApplicability(
  vm: Pick<VmRecord, 'activation' | 'activationBasis' | 'guest'>,
): Applicability {
  if (vm.activation === 'other')
    return notApplicable(`activated another way: ${OTHER_BY[vm.activationBasis]}`);
  return guestApplicability(vm.guest);
}

const OTHER_BY: Record<VmRecord['activationBasis'], string> = {
  declared: 'declared activation: other',
  pattern: 'its name matches an activation exception with activation: other',
  default: 'the activation default of its cluster (or of defaults) is other',
  assumed: 'activation: other',
};

function guestApplicability(guest: GuestOs | null): Applicability {
  if (!guest) return APPLIES;
  if (guest.family === 'windows-client')
    return notApplicable('client Windows: AVMA activates Windows Server guests only');
  if (guest.family !== 'windows-server')
    return notApplicable('not Windows: AVMA activates Windows Server guests only');
  if (guest.release && isLegacyRelease(guest.release))
    return notApplicable(`${releaseName(guest.release)} is older than 2012 R2, which AVMA cannot activate`);
  const noKey = guest.edition ? NO_AVMA_KEY[guest.edition] : undefined;
  if (!guest.edition || !noKey) return APPLIES;
  if (noKey !== 'every release' && !(guest.release && noKey.includes(guest.release))) return APPLIES;
  return notApplicable(`no AVMA key is published for ${productName(guest.edition, guest.release)}`);
}

function productName(edition: EditionFamily, release: Release | null): string {
  if (edition === 'azure-local') return 'Azure Local (Azure Stack HCI) guests';
  const year = release ? releaseName(release).replace(/^Windows Server,? /, '') : '';
  if (edition === 'hyper-v-server') return year ? `Hyper-V Server ${year}` : 'Hyper-V Server';
  return `${release ? releaseName(release) : 'Windows Server'} ${editionName(edition)}`;
}
