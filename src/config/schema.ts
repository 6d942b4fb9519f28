// The clusters.yaml contract. CI users write these files: keys are public, unknown keys are refused.
import { z } from 'zod';
import { parseDeclaredEdition } from '../domain/editions.js';
import { parseRelease } from '../domain/releases.js';
import {
  AZURE_LOCAL_AVMA_SOURCES,
  type AzureLocalAvma,
  DRAIN_STATUSES,
  NODE_STATES,
  VM_ACTIVATIONS,
} from '../model/facts.js';
import { parseDate } from './dates.js';

const name = z.string({ error: 'expected a name (text)' }).trim().min(1, 'must not be empty').max(256);

const release = z
  .union([z.string(), z.number()], { error: 'expected a release such as "2022" or "2012R2"' })
  .transform((value, context) => {
    const parsed = parseRelease(value);
    if (!parsed) {
      context.addIssue({
        code: 'custom',
        message: `unknown release "${value}": use 2012R2, 2016, 2019, 2022, 2025 or a semi-annual version (1709 ... 23H2)`,
      });
      return z.NEVER;
    }
    return parsed;
  });

const edition = z.string({ error: 'expected an edition such as Datacenter' }).transform((value, context) => {
  const parsed = parseDeclaredEdition(value);
  if (!parsed) {
    context.addIssue({
      code: 'custom',
      message: `unknown edition "${value}": use Datacenter, DatacenterEval, Standard, Essentials, AzureLocal or an EditionID such as ServerDatacenterCor`,
    });
    return z.NEVER;
  }
  return { family: parsed, text: value };
});

const build = z.number({ error: 'expected a build number such as 20348' }).int().positive();

const date = z.string({ error: 'expected a date such as 2027-01-31' }).transform((value, context) => {
  const parsed = parseDate(value);
  if (!parsed) {
    context.addIssue({ code: 'custom', message: `"${value}" is not a date: use YYYY-MM-DD` });
    return z.NEVER;
  }
  return parsed.toISOString();
});

const azureLocalAvma = z
  .union([z.string(), z.number()], { error: 'expected subscription, "2019", "2022" or "2025"' })
  .transform((value, context) => {
    const text = String(value).toLowerCase();
    if (!(AZURE_LOCAL_AVMA_SOURCES as readonly string[]).includes(text)) {
      context.addIssue({
        code: 'custom',
        message: `"${value}" is not subscription, "2019", "2022" or "2025"`,
      });
      return z.NEVER;
    }
    return text as AzureLocalAvma;
  });

const seconds = z.number({ error: 'expected a number of seconds' }).positive().max(3600);

// The NAME of an environment variable. A value that is not one may be the secret itself, pasted by mistake: no
// message about it ever repeats the value.
const envName = z
  .string({ error: 'expected the name of an environment variable' })
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'must be the NAME of an environment variable (letters, digits and _, not starting with a digit), not the secret itself',
  );

export const sshSchema = z.strictObject({
  username: name.optional(),
  port: z.number({ error: 'expected a port number' }).int().min(1).max(65535).optional(),
  privateKeyPath: name.optional(),
  passphraseEnv: envName.optional(),
  passwordEnv: envName.optional(),
  agent: z.boolean({ error: 'expected true or false' }).optional(),
  knownHostsPath: name.optional(),
  /** OpenSSH client config to honour: a file, or none (default ~/.ssh/config when it exists). */
  configFile: name.optional(),
  connectTimeoutSeconds: seconds.optional(),
  commandTimeoutSeconds: seconds.optional(),
});

export const nodeFactsSchema = z.strictObject({
  release: release.optional(),
  build: build.optional(),
  edition: edition.optional(),
  activated: z.boolean({ error: 'expected true or false' }).optional(),
  activationExpires: date.optional(),
  hyperV: z.boolean({ error: 'expected true or false' }).optional(),
  avmaRequests30d: z
    .number({ error: 'expected a number of events such as 0 or 42' })
    .int('expected a whole number of events')
    .nonnegative('expected 0 or more events')
    .optional(),
  state: z.enum(NODE_STATES, { error: `expected one of ${NODE_STATES.join(', ')}` }).optional(),
  drainStatus: z.enum(DRAIN_STATUSES, { error: `expected one of ${DRAIN_STATUSES.join(', ')}` }).optional(),
  azureLocalAvma: azureLocalAvma.optional(),
});

const nodeSchema = z.strictObject({
  name,
  host: name.optional(),
  ssh: sshSchema.optional(),
  facts: nodeFactsSchema.optional(),
});

const guestSchema = z
  .strictObject({
    release: release.optional(),
    edition: edition.optional(),
    os: name.optional(),
    build: build.optional(),
  })
  .refine((guest) => Object.keys(guest).length > 0, 'give at least one of release, edition, os or build');

const activationChannel = z.enum(VM_ACTIVATIONS, { error: 'expected avma, other or unknown' });

const vmPattern = z
  .string({ error: 'expected a VM name pattern such as "kms-*" (* any text, ? one character)' })
  .trim()
  .min(1, 'must not be empty')
  .max(256);

/** Which guests use AVMA: a default, and exceptions by VM name pattern, the first match winning. */
const activationSettings = z.strictObject({
  default: activationChannel.optional(),
  exceptions: z
    .array(
      z.strictObject({
        vms: z.union([vmPattern, z.array(vmPattern).min(1, 'list at least one pattern')], {
          error: 'expected a VM name pattern or a list of them',
        }),
        activation: activationChannel,
      }),
      { error: 'expected a list of { vms, activation }' },
    )
    .default([]),
});

const vmSchema = z.strictObject({
  name,
  owner: name.optional(),
  possibleOwners: z.array(name, { error: 'expected a list of node names' }).optional(),
  kvp: z.boolean({ error: 'expected true or false' }).default(true),
  // Absent: from the cluster's (or defaults') activation settings, else assumed AVMA (config/activation.ts).
  activation: activationChannel.optional(),
  guest: guestSchema.optional(),
});

// Discovered nodes are named by another node, not by the user: a lying node could name a host that collects
// passwords or plants a host key. So they get neither a password nor trust on first use unless asked for here.
const discoverSchema = z
  .union(
    [
      z.boolean(),
      z.strictObject({
        enabled: z.boolean({ error: 'expected true or false' }).default(true),
        sendPassword: z.boolean({ error: 'expected true or false' }).default(false),
        acceptNewHostKeys: z.boolean({ error: 'expected true or false' }).default(false),
      }),
    ],
    { error: 'expected true, false, or { enabled, sendPassword, acceptNewHostKeys } (each true or false)' },
  )
  .default(false)
  .transform((value) =>
    typeof value === 'boolean' ? { enabled: value, sendPassword: false, acceptNewHostKeys: false } : value,
  );

const clusterSchema = z.strictObject({
  name,
  discover: discoverSchema,
  ssh: sshSchema.optional(),
  activation: activationSettings.optional(),
  nodes: z
    .array(nodeSchema, { error: 'expected a list of nodes' })
    .min(1, 'a cluster needs at least one node'),
  vms: z.array(vmSchema, { error: 'expected a list of VMs' }).default([]),
});

export const configSchema = z.strictObject({
  defaults: z
    .strictObject({ ssh: sshSchema.optional(), activation: activationSettings.optional() })
    .optional(),
  clusters: z
    .array(clusterSchema, { error: 'expected a list of clusters' })
    .min(1, 'list at least one cluster'),
});

export type Config = z.output<typeof configSchema>;
export type ClusterConfig = Config['clusters'][number];
export type NodeConfig = ClusterConfig['nodes'][number];
export type VmConfig = ClusterConfig['vms'][number];
export type SshConfig = z.output<typeof sshSchema>;
export type DiscoverConfig = z.output<typeof discoverSchema>;
export type ActivationSettings = z.output<typeof activationSettings>;
