// EditionID strings, SKU numbers and captions to an edition family (domain.md 3.2).

export const EDITION_FAMILIES = [
  'datacenter',
  'datacenter-evaluation',
  'datacenter-azure-edition',
  'standard',
  'standard-evaluation',
  'essentials',
  'foundation',
  'azure-local',
  'hyper-v-server',
  'datacenter-without-hyper-v',
  'client',
] as const;
export type EditionFamily = (typeof EDITION_FAMILIES)[number];

const FAMILY_NAMES: Record<EditionFamily, string> = {
  datacenter: 'Datacenter',
  'datacenter-evaluation': 'Datacenter Evaluation',
  'datacenter-azure-edition': 'Datacenter: Azure Edition',
  standard: 'Standard',
  'standard-evaluation': 'Standard Evaluation',
  essentials: 'Essentials',
  foundation: 'Foundation',
  'azure-local': 'Azure Local',
  'hyper-v-server': 'Hyper-V Server',
  'datacenter-without-hyper-v': 'Datacenter without Hyper-V',
  client: 'client Windows',
};

export function editionName(family: EditionFamily): string {
  return FAMILY_NAMES[family];
}

const EDITION_IDS: Record<string, EditionFamily> = {
  serverdatacenter: 'datacenter',
  serverdatacentercor: 'datacenter',
  serverdatacentercore: 'datacenter',
  serverdatacenteracor: 'datacenter',
  serverdatacentereval: 'datacenter-evaluation',
  serverdatacenterevalcor: 'datacenter-evaluation',
  serverturbine: 'datacenter-azure-edition',
  serverturbinecor: 'datacenter-azure-edition',
  serverstandard: 'standard',
  serverstandardcor: 'standard',
  serverstandardcore: 'standard',
  serverstandardacor: 'standard',
  serverstandardeval: 'standard-evaluation',
  serverstandardevalcor: 'standard-evaluation',
  serversolution: 'essentials',
  serversolutioncor: 'essentials',
  serverfoundation: 'foundation',
  serverazurestackhcicor: 'azure-local',
  serverhypercore: 'hyper-v-server',
  serverdatacenterv: 'datacenter-without-hyper-v',
  serverdatacentervcore: 'datacenter-without-hyper-v',
  professional: 'client',
  professionalworkstation: 'client',
  enterprise: 'client',
  enterprises: 'client',
  education: 'client',
  core: 'client',
  iotenterprise: 'client',
  iotenterprises: 'client',
};

/** What people write in clusters.yaml, besides EditionIDs. */
const DECLARED_NAMES: Record<string, EditionFamily> = {
  datacenter: 'datacenter',
  datacentereval: 'datacenter-evaluation',
  datacenterevaluation: 'datacenter-evaluation',
  datacenterazureedition: 'datacenter-azure-edition',
  azureedition: 'datacenter-azure-edition',
  standard: 'standard',
  standardeval: 'standard-evaluation',
  standardevaluation: 'standard-evaluation',
  essentials: 'essentials',
  foundation: 'foundation',
  azurelocal: 'azure-local',
  azurestackhci: 'azure-local',
  hypervserver: 'hyper-v-server',
};

const SKUS: ReadonlyMap<number, EditionFamily> = new Map<number, EditionFamily>([
  [8, 'datacenter'],
  [12, 'datacenter'],
  [145, 'datacenter'],
  [147, 'datacenter'],
  [80, 'datacenter-evaluation'],
  [159, 'datacenter-evaluation'],
  [407, 'datacenter-azure-edition'],
  [408, 'datacenter-azure-edition'],
  [409, 'datacenter-azure-edition'],
  [7, 'standard'],
  [13, 'standard'],
  [146, 'standard'],
  [148, 'standard'],
  [79, 'standard-evaluation'],
  [160, 'standard-evaluation'],
  [50, 'essentials'],
  [33, 'foundation'],
  [406, 'azure-local'],
  [42, 'hyper-v-server'],
  [37, 'datacenter-without-hyper-v'],
  [39, 'datacenter-without-hyper-v'],
  [4, 'client'],
  [27, 'client'],
  [48, 'client'],
  [49, 'client'],
  [101, 'client'],
  [121, 'client'],
  [125, 'client'],
  [161, 'client'],
]);

/** Semi-annual channel editions end in "ACor" (SKU 145, 146): they tell 1809 from 2019 on build 17763. */
export function isSemiAnnualEditionId(editionId: string): boolean {
  return /^server(datacenter|standard)acor$/i.test(editionId.trim());
}

export function isSemiAnnualSku(sku: number): boolean {
  return sku === 145 || sku === 146;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function editionFromId(editionId: string): EditionFamily | null {
  return EDITION_IDS[squash(editionId)] ?? null;
}

export function editionFromSku(sku: number): EditionFamily | null {
  return SKUS.get(sku) ?? null;
}

/** A declared edition: a short name (Datacenter, DatacenterEval, ...) or an EditionID (ServerDatacenterCor). */
export function parseDeclaredEdition(text: string): EditionFamily | null {
  const key = squash(text);
  return DECLARED_NAMES[key] ?? EDITION_IDS[key] ?? editionFromCaption(text);
}

/** From an OS caption or ProductName, e.g. "Microsoft Windows Server 2022 Datacenter Evaluation". */
export function editionFromCaption(caption: string): EditionFamily | null {
  const text = caption.toLowerCase();
  if (/azure stack hci|azure local/.test(text)) return 'azure-local';
  if (/hyper-v server/.test(text)) return 'hyper-v-server';
  if (/windows (10|11|8\.1|7)\b/.test(text)) return 'client';
  if (/datacenter/.test(text)) {
    if (/azure edition/.test(text)) return 'datacenter-azure-edition';
    if (/evaluation/.test(text)) return 'datacenter-evaluation';
    if (/without hyper-v/.test(text)) return 'datacenter-without-hyper-v';
    return 'datacenter';
  }
  if (/standard/.test(text)) return /evaluation/.test(text) ? 'standard-evaluation' : 'standard';
  if (/essentials/.test(text)) return 'essentials';
  if (/foundation/.test(text)) return 'foundation';
  return null;
}
