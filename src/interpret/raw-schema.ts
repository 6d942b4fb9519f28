// The collector's JSON document. It comes from a remote machine: every string and list is bounded, and a
// document that does not fit is bad output, never a crash.
import { z } from 'zod';

const text = z.string().max(4096);
const longText = z.string().max(16_384);

// Discriminated on `ok`, so that a violation is reported where it is (probes.vms.value: too big), not as the
// union's "Invalid input".
function probe<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: longText }),
  ]);
}

const currentVersion = z
  .object({
    EditionID: text,
    ProductName: text,
    CurrentBuild: text,
    UBR: text,
    DisplayVersion: text,
    InstallationType: text,
  })
  .partial();

const operatingSystem = z
  .object({
    Caption: text,
    Version: text,
    BuildNumber: text,
    OperatingSystemSKU: text,
    ProductType: text,
  })
  .partial();

const licenseRow = z.object({
  Name: text.optional(),
  Description: text.optional(),
  LicenseStatus: text,
  GracePeriodRemaining: text.optional(),
  PartialProductKey: text.optional(),
  // Since collector version 2; absent in documents of older collectors.
  LicenseFamily: text.optional(),
  LicenseIsAddon: z.boolean().optional(),
});

const clusterNode = z.object({ Name: text, State: text, DrainStatus: text.optional() });

const clusterGroup = z.object({
  Name: text,
  OwnerNode: text,
  State: text.optional(),
  VmId: probe(text.nullable()),
  PossibleOwners: probe(z.array(text).max(128)),
});

const vm = z.object({
  Name: text,
  VMId: text,
  State: text.optional(),
  IsClustered: z.boolean().optional(),
  IntegrationServices: probe(z.array(z.object({ Id: text, Enabled: z.boolean() })).max(64)),
  GuestIntrinsicExchangeItems: z.array(z.string().max(8192)).max(256),
});

export const rawNodeSchema = z.object({
  /** 2 adds LicenseFamily and LicenseIsAddon to licence rows and the avmaRequests probe; 1 is still read. */
  collectorVersion: z.union([z.literal(1), z.literal(2)]),
  computerName: text,
  probes: z.object({
    currentVersion: probe(currentVersion),
    operatingSystem: probe(operatingSystem),
    license: probe(z.array(licenseRow).max(64)),
    hyperV: probe(z.object({ Installed: z.boolean(), InstallState: text.optional() })),
    /** Events 12310 in the last 30 days; absent from version 1 documents. */
    avmaRequests: probe(z.number().int().nonnegative().max(1e9)).optional(),
    cluster: probe(z.object({ Name: text })).optional(),
    clusterNodes: probe(z.array(clusterNode).max(128)),
    /** Absent when the scan asked this node to leave the cluster's groups to another node. */
    clusterGroups: probe(z.array(clusterGroup).max(20_000)).optional(),
    vms: probe(z.array(vm).max(4096)),
  }),
});

export type RawNode = z.output<typeof rawNodeSchema>;
export type RawVm = z.output<typeof vm>;
export type RawLicenseRow = z.output<typeof licenseRow>;
export type RawClusterGroup = z.output<typeof clusterGroup>;
export type RawProbes = RawNode['probes'];
