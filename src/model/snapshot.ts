// The one seam everything flows through: plain, serialisable facts about clusters, from a scan, a config or a
// file saved earlier. Writing one and reading it back is lossless.
import { z } from 'zod';
import { EDITION_FAMILIES } from '../domain/editions.js';
import { LICENSE_STATES } from '../domain/licensing.js';
import { RELEASES } from '../domain/releases.js';
import {
  ACTIVATION_BASES,
  AZURE_LOCAL_AVMA_SOURCES,
  type ClusterRecord,
  DRAIN_STATUSES,
  GUEST_FAMILIES,
  NODE_ERROR_KINDS,
  NODE_STATES,
  VM_ACTIVATIONS,
} from './facts.js';

export const SNAPSHOT_KIND = 'avma-check-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  schemaVersion: typeof SNAPSHOT_VERSION;
  takenAt: string;
  source: 'config' | 'scan';
  clusters: ClusterRecord[];
}

export function makeSnapshot(clusters: ClusterRecord[], takenAt: Date, source: Snapshot['source']): Snapshot {
  return {
    kind: SNAPSHOT_KIND,
    schemaVersion: SNAPSHOT_VERSION,
    takenAt: takenAt.toISOString(),
    source,
    clusters,
  };
}

const text = z.string().max(4096);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const release = z.enum(RELEASES as [string, ...string[]]);

const nodeFacts = z.strictObject({
  release: nullable(release),
  build: nullable(z.number().int().nonnegative()),
  edition: nullable(z.enum(EDITION_FAMILIES)),
  editionId: nullable(text),
  activated: nullable(z.boolean()),
  licenseState: nullable(z.enum(LICENSE_STATES)),
  activationExpires: nullable(z.iso.datetime()),
  evaluationLicense: z.boolean(),
  onlyAddOnLicenses: z.boolean().default(false),
  hyperV: nullable(z.boolean()),
  avmaRequests30d: nullable(z.number().int().nonnegative()).default(null),
  state: nullable(z.enum(NODE_STATES)),
  drainStatus: nullable(z.enum(DRAIN_STATUSES)).default(null),
  azureLocalAvma: nullable(z.enum(AZURE_LOCAL_AVMA_SOURCES)),
});

const node = z.strictObject({
  name: text,
  host: nullable(text),
  source: z.enum(['declared', 'scanned']),
  facts: nullable(nodeFacts),
  error: nullable(z.strictObject({ kind: z.enum(NODE_ERROR_KINDS), message: text, hint: nullable(text) })),
  probeErrors: z.array(z.strictObject({ probe: text, message: text })),
  drained: z.boolean().optional(),
});

const guest = z.strictObject({
  family: z.enum(GUEST_FAMILIES),
  release: nullable(release),
  edition: nullable(z.enum(EDITION_FAMILIES)),
  build: nullable(z.number().int().nonnegative()),
  name: nullable(text),
  stale: z.boolean().default(false),
});

const vm = z.strictObject({
  name: text,
  owner: nullable(text),
  possibleOwners: z.array(text),
  state: nullable(text).default(null),
  kvp: nullable(z.boolean()),
  activation: z.enum(VM_ACTIVATIONS),
  activationBasis: z.enum(ACTIVATION_BASES).default('assumed'),
  guest: nullable(guest),
});

export const snapshotSchema = z.strictObject({
  kind: z.literal(SNAPSHOT_KIND),
  schemaVersion: z.literal(SNAPSHOT_VERSION),
  takenAt: z.iso.datetime(),
  source: z.enum(['config', 'scan']),
  clusters: z.array(
    z.strictObject({ name: text, nodes: z.array(node), vms: z.array(vm), evicted: z.array(text).optional() }),
  ),
});

export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
