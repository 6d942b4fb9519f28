// What is known about one node and one VM, however it was learnt (declared, scanned or loaded).
import type { EditionFamily } from '../domain/editions.js';
import type { LicenseState } from '../domain/licensing.js';
import type { Release } from '../domain/releases.js';

export const NODE_STATES = ['Up', 'Down', 'Paused', 'Joining', 'Unknown'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/** Get-ClusterNode DrainStatus (CLUSTER_NODE_DRAIN_STATUS, domain.md 4). */
export const DRAIN_STATUSES = ['NotInitiated', 'InProgress', 'Completed', 'Failed'] as const;
export type DrainStatus = (typeof DRAIN_STATUSES)[number];

/** How AVMA is provided on an Azure Local host: a Windows Server subscription, or host keys of a release. */
export const AZURE_LOCAL_AVMA_SOURCES = ['subscription', '2019', '2022', '2025'] as const;
export type AzureLocalAvma = (typeof AZURE_LOCAL_AVMA_SOURCES)[number];

/** Every fact may be null: unknown (not declared, or its probe failed). */
export interface NodeFacts {
  release: Release | null;
  build: number | null;
  edition: EditionFamily | null;
  /** The EditionID as read or declared, kept for display. */
  editionId: string | null;
  activated: boolean | null;
  licenseState: LicenseState | null;
  /** End of a time-limited activation or grace period (ISO 8601), or null. */
  activationExpires: string | null;
  /** A time-based evaluation licence, from the licence Description. */
  evaluationLicense: boolean;
  /** Licence rows were found, but only add-ons (e.g. ESU): no Windows licence, so not activated. */
  onlyAddOnLicenses: boolean;
  hyperV: boolean | null;
  /** AVMA requests the host logged in the last 30 days (event 12310), or null when not known. */
  avmaRequests30d: number | null;
  state: NodeState | null;
  /** Whether the node is being drained of its roles, from its own Get-ClusterNode row. */
  drainStatus: DrainStatus | null;
  azureLocalAvma: AzureLocalAvma | null;
}

export const NODE_ERROR_KINDS = [
  'unreachable',
  'timeout',
  'auth',
  'host-key',
  'bad-output',
  'command-failed',
  'not-scanned',
] as const;
export type NodeErrorKind = (typeof NODE_ERROR_KINDS)[number];

export interface NodeError {
  kind: NodeErrorKind;
  message: string;
  hint: string | null;
}

/** A probe of the collector that failed while the node as a whole answered: that fact is unknown. */
export interface ProbeError {
  probe: string;
  message: string;
}

/** A node whose facts were not read, and why. */
export function unreadNode(
  name: string,
  error: NodeError,
  from: { host?: string | null; source?: NodeRecord['source'] } = {},
): NodeRecord {
  return {
    name,
    host: from.host ?? null,
    source: from.source ?? 'scanned',
    facts: null,
    error,
    probeErrors: [],
  };
}

export interface NodeRecord {
  name: string;
  host: string | null;
  source: 'declared' | 'scanned';
  facts: NodeFacts | null;
  error: NodeError | null;
  probeErrors: ProbeError[];
  /** Set by a what-if drain: the node stays in the cluster but takes no VMs. */
  drained?: boolean;
}

export const GUEST_FAMILIES = ['windows-server', 'windows-client', 'other'] as const;
export type GuestFamily = (typeof GUEST_FAMILIES)[number];

export interface GuestOs {
  family: GuestFamily;
  release: Release | null;
  edition: EditionFamily | null;
  build: number | null;
  /** The OS name as declared or reported by KVP (untrusted text). */
  name: string | null;
  /** Read from KVP while the VM was not running: what the guest reported when it last ran. */
  stale: boolean;
}

/** How a VM is activated: by AVMA, another way (KMS, MAK), or not known (judged as if AVMA, never failed). */
export const VM_ACTIVATIONS = ['avma', 'other', 'unknown'] as const;
export type VmActivation = (typeof VM_ACTIVATIONS)[number];

/**
 * Where a VM's activation comes from: declared for the VM, an exception pattern, a default the config sets,
 * or assumed (nothing in the config says anything: AVMA, never confirmed).
 */
export const ACTIVATION_BASES = ['declared', 'pattern', 'default', 'assumed'] as const;
export type ActivationBasis = (typeof ACTIVATION_BASES)[number];

export interface VmRecord {
  name: string;
  /** The node the VM runs on now, or null when not known. */
  owner: string | null;
  /** Empty: every node of the cluster. */
  possibleOwners: string[];
  /** The VM's power state as Get-VM reported it (Running, Off, Saved, ...; untrusted text), or null. */
  state: string | null;
  /** Key-Value Pair Exchange integration service enabled; null when unknown. */
  kvp: boolean | null;
  activation: VmActivation;
  activationBasis: ActivationBasis;
  /** Null when the guest OS is not known. */
  guest: GuestOs | null;
}

export interface ClusterRecord {
  name: string;
  nodes: NodeRecord[];
  vms: VmRecord[];
  /** Set by a what-if eviction: nodes that left the cluster, so possible owners naming them are no target. */
  evicted?: string[];
}
