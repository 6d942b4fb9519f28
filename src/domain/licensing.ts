// SoftwareLicensingProduct.LicenseStatus and GracePeriodRemaining to an activation state (domain.md 3.5).

export const LICENSE_STATES = [
  'Unlicensed',
  'Licensed',
  'OOBGrace',
  'OOTGrace',
  'NonGenuineGrace',
  'Notification',
  'ExtendedGrace',
] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

export interface RawLicense {
  /** LicenseStatus, 0..6. */
  licenseStatus: number;
  /** GracePeriodRemaining, in minutes. */
  gracePeriodRemaining?: number | null;
  /** Description, e.g. "Windows(R) Operating System, TIMEBASED_EVAL channel". */
  description?: string | null;
}

export interface Activation {
  activated: boolean;
  licenseState: LicenseState | null;
  /** When a time-limited activation or grace period ends (ISO 8601), or null when permanent or unknown. */
  expires: string | null;
  /** A time-based evaluation licence: it says Licensed, but counts down. */
  evaluation: boolean;
}

const MINUTE_MS = 60_000;

export function licenseStateOf(status: number): LicenseState | null {
  return Number.isInteger(status) ? (LICENSE_STATES[status] ?? null) : null;
}

export function isEvaluationDescription(description: string | null | undefined): boolean {
  return /TIMEBASED_EVAL/i.test(description ?? '');
}

export function interpretLicense(raw: RawLicense, now: Date): Activation {
  const licenseState = licenseStateOf(raw.licenseStatus);
  const grace = raw.gracePeriodRemaining ?? 0;
  const expires =
    Number.isFinite(grace) && grace > 0 ? new Date(now.getTime() + grace * MINUTE_MS).toISOString() : null;
  return {
    activated: licenseState === 'Licensed',
    licenseState,
    expires,
    evaluation: isEvaluationDescription(raw.description),
  };
}

/** What tells an add-on licence row from the OS row: SoftwareLicensingProduct as the collector prints it. */
export interface LicenseRowIdentity {
  name?: string | null | undefined;
  description?: string | null | undefined;
  family?: string | null | undefined;
  /** LicenseIsAddon; absent in documents of collectors before version 2. */
  isAddon?: boolean | null | undefined;
}

/**
 * An add-on row (Extended Security Updates on 2012 R2, e.g. LicenseFamily "Server-ESU-Year1") shares the
 * Windows ApplicationID with the OS row but never activates the OS (domain.md 3.5, section 0). Without
 * LicenseIsAddon, a row whose family, name or description says ESU or add-on is taken for one.
 */
export function isAddOnLicense(row: LicenseRowIdentity): boolean {
  if (typeof row.isAddon === 'boolean') return row.isAddon;
  const text = [row.family, row.name, row.description].filter(Boolean).join(' ');
  return /(^|[^a-z0-9])esu([^a-z0-9]|$)|add-?on/i.test(text);
}
