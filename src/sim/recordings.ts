// Raw collector documents of simulated Windows Server hosts (2012 R2 to 2025) and their guests, in the form a
// real node prints them: registry strings, SKU numbers, LicenseStatus codes, and KVP items as CIM-XML.
import type { RawNode } from '../interpret/raw-schema.js';

export type SimRelease = '2012R2' | '2016' | '2019' | '2022' | '2025';

const RELEASES: Record<SimRelease, { build: number; version: string; name: string }> = {
  '2012R2': { build: 9600, version: '6.3', name: 'Windows Server 2012 R2' },
  '2016': { build: 14393, version: '10.0', name: 'Windows Server 2016' },
  '2019': { build: 17763, version: '10.0', name: 'Windows Server 2019' },
  '2022': { build: 20348, version: '10.0', name: 'Windows Server 2022' },
  '2025': { build: 26100, version: '10.0', name: 'Windows Server 2025' },
};

export type SimEdition =
  | 'Datacenter'
  | 'Standard'
  | 'DatacenterEval'
  | 'StandardEval'
  | 'Essentials'
  | 'Foundation'
  | 'HyperVServer'
  | 'AzureLocal';

/** EditionID, OperatingSystemSKU and ProductName (KVP OSName; the Caption adds "Microsoft "). */
const EDITIONS: Record<SimEdition, { id: string; sku: number; product: (release: string) => string }> = {
  Datacenter: { id: 'ServerDatacenter', sku: 8, product: (r) => `${r} Datacenter` },
  Standard: { id: 'ServerStandard', sku: 7, product: (r) => `${r} Standard` },
  DatacenterEval: { id: 'ServerDatacenterEval', sku: 80, product: (r) => `${r} Datacenter Evaluation` },
  StandardEval: { id: 'ServerStandardEval', sku: 79, product: (r) => `${r} Standard Evaluation` },
  Essentials: { id: 'ServerSolution', sku: 50, product: (r) => `${r} Essentials` },
  Foundation: { id: 'ServerFoundation', sku: 33, product: (r) => `${r} Foundation` },
  HyperVServer: {
    id: 'ServerHyperCore',
    sku: 42,
    product: (r) => r.replace('Windows Server', 'Hyper-V Server'),
  },
  AzureLocal: { id: 'ServerAzureStackHCICor', sku: 406, product: () => 'Azure Stack HCI' },
};

function productName(release: SimRelease, edition: SimEdition): string {
  return EDITIONS[edition].product(RELEASES[release].name);
}

export interface SimHost {
  name: string;
  release: SimRelease;
  edition: SimEdition;
  /** LicenseStatus of the OS row: 1 licensed, 5 notification (lapsed), ...; null: no OS row installed. */
  licenseStatus?: number | null;
  /** An Extended Security Updates add-on row (2012 R2) with this LicenseStatus. */
  esu?: number;
  graceMinutes?: number;
  hyperV?: boolean;
  state?: 'Up' | 'Down' | 'Paused';
  /** Events 12310 (AVMA requests) in the last 30 days; 12 unless told. failingProbes.avmaRequests denies it. */
  avmaRequests?: number;
  /** Get-ClusterNode DrainStatus; NotInitiated unless told. */
  drainStatus?: 'NotInitiated' | 'InProgress' | 'Completed' | 'Failed';
  /** Probes that fail on this host, with the error PowerShell gives. */
  failingProbes?: Partial<Record<keyof RawNode['probes'], string>>;
}

export interface SimVm {
  name: string;
  owner: string;
  possibleOwners?: string[];
  /** Null: the guest reports nothing (its KVP intrinsic items are empty). */
  guest: { release: SimRelease; edition: SimEdition } | { os: string; linux: true } | null;
  /** Get-VM State: Running when a guest is given, Off otherwise. Off or Saved with a guest: stale KVP items. */
  state?: string;
  kvp?: boolean;
}

export interface SimClusterSpec {
  name: string;
  hosts: SimHost[];
  vms: SimVm[];
}

const KVP_GUID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';
const OTHER_SERVICES = ['84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', '9F8233AC-BE49-4C79-8EE3-E7E1985B2077'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function kvpItem(name: string, data: string): string {
  return (
    '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Caption" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    `<PROPERTY NAME="Data" TYPE="string"><VALUE>${escapeXml(data)}</VALUE></PROPERTY>` +
    '<PROPERTY NAME="Description" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    '<PROPERTY NAME="ElementName" PROPAGATED="true" TYPE="string"></PROPERTY>' +
    `<PROPERTY NAME="Name" TYPE="string"><VALUE>${escapeXml(name)}</VALUE></PROPERTY>` +
    '<PROPERTY NAME="Source" TYPE="uint16"><VALUE>2</VALUE></PROPERTY></INSTANCE>'
  );
}

function guestItems(vm: SimVm): string[] {
  const guest = vm.guest;
  if (!guest) return [];
  if ('linux' in guest) {
    return [
      kvpItem('FullyQualifiedDomainName', vm.name),
      kvpItem('OSName', guest.os),
      kvpItem('OSVersion', '6.8.0-45-generic'),
      kvpItem('OSBuildNumber', '6.8.0-45-generic'),
    ];
  }
  const release = RELEASES[guest.release];
  const edition = EDITIONS[guest.edition];
  const [major, minor] = release.version.split('.');
  return [
    kvpItem('FullyQualifiedDomainName', `${vm.name}.corp.example`),
    kvpItem('OSName', productName(guest.release, guest.edition)),
    kvpItem('OSVersion', `${release.version}.${release.build}`),
    kvpItem('CSDVersion', ''),
    kvpItem('OSMajorVersion', major ?? ''),
    kvpItem('OSMinorVersion', minor ?? ''),
    kvpItem('OSBuildNumber', String(release.build)),
    kvpItem('ProductType', '3'),
    kvpItem('OSEditionId', String(edition.sku)),
    kvpItem('ProcessorArchitecture', '9'),
    kvpItem('OSPlatformId', '2\n'),
  ];
}

/** A stable GUID per VM name, as Hyper-V would have assigned one. */
export function simVmId(name: string): string {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const hex = (hash.toString(16).padStart(8, '0') + name.length.toString(16).padStart(4, '0')).padEnd(
    12,
    '0',
  );
  return `${hex.slice(0, 8)}-0000-4000-8000-${hex.padStart(12, '0').slice(0, 12)}`;
}

function probe<T>(host: SimHost, name: keyof RawNode['probes'], value: T) {
  const error = host.failingProbes?.[name];
  return error === undefined ? { ok: true as const, value } : { ok: false as const, error };
}

/** SoftwareLicensingProduct rows under the Windows ApplicationID: the OS row, and an ESU add-on row if any. */
function licenseRows(host: SimHost) {
  const edition = EDITIONS[host.edition];
  const rows = [];
  if (host.licenseStatus !== null) {
    rows.push({
      Name: `Windows(R), ${edition.id} edition`,
      Description:
        host.edition === 'DatacenterEval' || host.edition === 'StandardEval'
          ? 'Windows(R) Operating System, TIMEBASED_EVAL channel'
          : 'Windows(R) Operating System, VOLUME_MAK channel',
      LicenseStatus: String(host.licenseStatus ?? 1),
      GracePeriodRemaining: String(host.graceMinutes ?? 0),
      PartialProductKey: 'XXXXX',
      LicenseFamily: edition.id,
      LicenseIsAddon: false,
    });
  }
  if (host.esu !== undefined) {
    rows.push({
      Name: 'Windows(R), Server-ESU-Year1 add-on for ServerDatacenter',
      Description: 'Windows(R) Operating System, VOLUME_MAK channel',
      LicenseStatus: String(host.esu),
      GracePeriodRemaining: '0',
      PartialProductKey: 'YYYYY',
      LicenseFamily: 'Server-ESU-Year1',
      LicenseIsAddon: true,
    });
  }
  return rows;
}

export function hostDocument(spec: SimClusterSpec, host: SimHost): RawNode {
  const release = RELEASES[host.release];
  const edition = EDITIONS[host.edition];
  const names = spec.hosts.map((h) => h.name);
  return {
    collectorVersion: 2,
    computerName: host.name,
    probes: {
      currentVersion: probe(host, 'currentVersion', {
        EditionID: edition.id,
        ProductName: productName(host.release, host.edition),
        CurrentBuild: String(release.build),
        UBR: '2700',
        DisplayVersion: host.release === '2025' ? '24H2' : '',
        InstallationType: 'Server',
      }),
      operatingSystem: probe(host, 'operatingSystem', {
        Caption: `Microsoft ${productName(host.release, host.edition)}`,
        Version: `${release.version}.${release.build}`,
        BuildNumber: String(release.build),
        OperatingSystemSKU: String(edition.sku),
        ProductType: '3',
      }),
      license: probe(host, 'license', licenseRows(host)),
      hyperV: probe(host, 'hyperV', {
        Installed: host.hyperV ?? true,
        InstallState: host.hyperV === false ? 'Available' : 'Installed',
      }),
      avmaRequests: probe(host, 'avmaRequests', host.avmaRequests ?? 12),
      cluster: probe(host, 'cluster', { Name: spec.name }),
      clusterNodes: probe(
        host,
        'clusterNodes',
        spec.hosts.map((h) => ({
          Name: h.name,
          State: h.state ?? 'Up',
          DrainStatus: h.drainStatus ?? 'NotInitiated',
        })),
      ),
      clusterGroups: probe(
        host,
        'clusterGroups',
        spec.vms.map((vm) => ({
          Name: vm.name,
          OwnerNode: vm.owner,
          State: 'Online',
          VmId: { ok: true as const, value: simVmId(vm.name) },
          PossibleOwners: { ok: true as const, value: vm.possibleOwners ?? names },
        })),
      ),
      vms: probe(
        host,
        'vms',
        spec.vms
          .filter((vm) => vm.owner === host.name)
          .map((vm) => {
            const id = simVmId(vm.name);
            return {
              Name: vm.name,
              VMId: id,
              State: vm.state ?? (vm.guest ? 'Running' : 'Off'),
              IsClustered: true,
              IntegrationServices: {
                ok: true as const,
                value: [KVP_GUID, ...OTHER_SERVICES].map((guid) => ({
                  Id: `Microsoft:${id.toUpperCase()}\\${guid}`,
                  Enabled: guid === KVP_GUID ? (vm.kvp ?? true) : true,
                })),
              },
              GuestIntrinsicExchangeItems: guestItems(vm),
            };
          }),
      ),
    },
  };
}
