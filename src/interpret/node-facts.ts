// A collector document -> the facts of that host, through the interpreters in src/domain.

import { declaredNodeFacts } from '../config/declared-clusters.js';
import type { NodeConfig } from '../config/schema.js';
import {
  type EditionFamily,
  editionFromCaption,
  editionFromId,
  editionFromSku,
  editionName,
  isSemiAnnualEditionId,
  isSemiAnnualSku,
} from '../domain/editions.js';
import { interpretLicense, isAddOnLicense } from '../domain/licensing.js';
import { hostEditionStanding } from '../domain/policy.js';
import { releaseFromBuild, releaseFromCaption } from '../domain/releases.js';
import {
  DRAIN_STATUSES,
  type DrainStatus,
  NODE_STATES,
  type NodeFacts,
  type NodeRecord,
  type NodeState,
  type ProbeError,
} from '../model/facts.js';
import { overrideFacts } from './declared-overrides.js';
import type { RawNode } from './raw-schema.js';

type NodeConfigFacts = NonNullable<NodeConfig['facts']>;

function digits(value: string | undefined | null): number | null {
  return value !== undefined && value !== null && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : null;
}

function okValue<T>(probe: { ok: true; value: T } | { ok: false; error: string }): T | null {
  return probe.ok ? probe.value : null;
}

/** Get-ClusterNode DrainStatus as PowerShell prints it ([string] of the enum); anything else is unknown. */
export function drainStatusOf(text: string | undefined): DrainStatus | null {
  const trimmed = text?.trim().toLowerCase();
  return DRAIN_STATUSES.find((status) => status.toLowerCase() === trimmed) ?? null;
}

/** The probes whose failure leaves a host fact unknown, with their messages. */
export function probeErrorsOf(raw: RawNode): ProbeError[] {
  const errors: ProbeError[] = [];
  for (const [probe, result] of Object.entries(raw.probes)) {
    if (!result.ok) errors.push({ probe, message: result.error.replace(/\s+/g, ' ').trim().slice(0, 500) });
  }
  return errors;
}

function activationOf(raw: RawNode, now: Date) {
  const unknown = { activated: null, licenseState: null, expires: null, evaluation: false };
  const rows = okValue(raw.probes.license);
  if (rows === null) return { ...unknown, onlyAddOns: false };
  // Only the OS row decides: an add-on row (ESU) that is Licensed never makes the host activated.
  const osRows = rows.filter(
    (r) =>
      !isAddOnLicense({
        name: r.Name,
        description: r.Description,
        family: r.LicenseFamily,
        isAddon: r.LicenseIsAddon,
      }),
  );
  if (osRows.length === 0) {
    const none = { activated: false, licenseState: 'Unlicensed' as const, expires: null, evaluation: false };
    return { ...none, onlyAddOns: rows.length > 0 };
  }
  const row = osRows.find((r) => digits(r.LicenseStatus) === 1) ?? osRows[0];
  const activation = interpretLicense(
    {
      licenseStatus: digits(row?.LicenseStatus) ?? -1,
      gracePeriodRemaining: digits(row?.GracePeriodRemaining),
      description: row?.Description ?? null,
    },
    now,
  );
  return { ...activation, onlyAddOns: false };
}

/** The node's own row of Get-ClusterNode (the rest of the cluster's view is merged later). */
function ownClusterRow(raw: RawNode): { state: NodeState | null; drainStatus: DrainStatus | null } {
  const nodes = okValue(raw.probes.clusterNodes);
  const self = nodes?.find((node) => node.Name.toLowerCase() === raw.computerName.toLowerCase());
  return {
    state: NODE_STATES.find((state) => state.toLowerCase() === self?.State.toLowerCase()) ?? null,
    drainStatus: drainStatusOf(self?.DrainStatus),
  };
}

/** What a host says it is: the registry's EditionID, the SKU number and the caption (or ProductName). */
function identityOf(raw: RawNode) {
  const cv = okValue(raw.probes.currentVersion);
  const os = okValue(raw.probes.operatingSystem);
  return {
    cv,
    os,
    editionId: cv?.EditionID?.trim() || null,
    sku: digits(os?.OperatingSystemSKU),
    caption: os?.Caption?.trim() || cv?.ProductName?.trim() || null,
  };
}

interface EditionSource {
  what: string;
  edition: EditionFamily;
}

/** The edition as each source says it, in that order of trust. */
function editionSources({ editionId, sku, caption }: ReturnType<typeof identityOf>): EditionSource[] {
  const sources: (EditionSource | null)[] = [
    editionId ? named(`registry EditionID ${editionId}`, editionFromId(editionId)) : null,
    sku !== null ? named(`OperatingSystemSKU ${sku}`, editionFromSku(sku)) : null,
    caption ? named(`caption "${caption.slice(0, 80)}"`, editionFromCaption(caption)) : null,
  ];
  return sources.filter((source): source is EditionSource => source !== null);
}

const named = (what: string, edition: EditionFamily | null) => (edition ? { what, edition } : null);

/**
 * Two sources that disagree on what matters for AVMA (Datacenter or not): the edition is unknown, never the
 * first source's word, so that no contradiction judges a host as Datacenter (a false "safe").
 */
function sourcesConflict(sources: readonly EditionSource[]): ProbeError | null {
  const first = sources[0];
  const other = sources.find(
    (s) => first && hostEditionStanding(s.edition) !== hostEditionStanding(first.edition),
  );
  if (!first || !other) return null;
  return {
    probe: 'edition',
    message: `the sources disagree: ${first.what} says ${editionName(first.edition)}, ${other.what} says ${editionName(other.edition)}`,
  };
}

export const editionConflict = (raw: RawNode) => sourcesConflict(editionSources(identityOf(raw)));

export function nodeFactsFromRaw(raw: RawNode, now: Date): NodeFacts {
  const identity = identityOf(raw);
  const { cv, os, editionId, sku, caption } = identity;
  const sources = editionSources(identity);
  const edition = sourcesConflict(sources) ? null : (sources[0]?.edition ?? null);
  const build = digits(cv?.CurrentBuild) ?? digits(os?.BuildNumber);
  const semiAnnual =
    (editionId !== null && isSemiAnnualEditionId(editionId)) || (sku !== null && isSemiAnnualSku(sku));
  const activation = activationOf(raw, now);
  const hyperV = okValue(raw.probes.hyperV);
  // The build decides (it is shared with Azure Local, so the edition too); the name only when no build is known.
  const release =
    edition === 'azure-local'
      ? null
      : build !== null
        ? releaseFromBuild(build, semiAnnual)
        : caption
          ? releaseFromCaption(caption)
          : null;
  return {
    release,
    build,
    edition,
    editionId,
    activated: activation.activated,
    licenseState: activation.licenseState,
    activationExpires: activation.expires,
    evaluationLicense: activation.evaluation,
    onlyAddOnLicenses: activation.onlyAddOns,
    // Get-WindowsFeature needs a full administrator; a least-rights account (Hyper-V Administrators) cannot
    // run it, but Get-VM answering at all proves the Hyper-V role runs: the VM management service replied.
    hyperV: hyperV ? hyperV.Installed : raw.probes.vms.ok ? true : null,
    avmaRequests30d: raw.probes.avmaRequests ? okValue(raw.probes.avmaRequests) : null,
    ...ownClusterRow(raw),
    azureLocalAvma: null,
  };
}

/** The record of a node whose document was read: its facts, with facts declared in the config winning. */
export function nodeFromDocument(
  node: { name: string; host: string; declared: NodeConfigFacts | undefined },
  raw: RawNode,
  now: Date,
): NodeRecord {
  const declared = node.declared ? declaredNodeFacts(node.declared) : null;
  const conflict = editionConflict(raw);
  return {
    name: node.name,
    host: node.host,
    source: 'scanned',
    facts: overrideFacts(nodeFactsFromRaw(raw, now), declared, node.declared),
    error: null,
    probeErrors: [...probeErrorsOf(raw), ...(conflict ? [conflict] : [])],
  };
}
