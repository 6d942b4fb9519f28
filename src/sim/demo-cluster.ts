// The built-in default: a mixed cluster halfway through a rolling upgrade, served by simulated nodes.
import type { SimClusterSpec } from './recordings.js';

export const DEMO_CLUSTER: SimClusterSpec = {
  name: 'hv-demo',
  hosts: [
    { name: 'HV01', release: '2022', edition: 'Datacenter' },
    { name: 'HV02', release: '2022', edition: 'Datacenter' },
    { name: 'HV03', release: '2019', edition: 'Datacenter' },
    { name: 'HV04', release: '2022', edition: 'Standard' },
    { name: 'HV05', release: '2022', edition: 'Datacenter', licenseStatus: 5, state: 'Paused' },
  ],
  vms: [
    {
      name: 'sql01',
      owner: 'HV01',
      possibleOwners: ['HV01', 'HV02'],
      guest: { release: '2022', edition: 'Standard' },
    },
    { name: 'web01', owner: 'HV02', guest: { release: '2022', edition: 'Datacenter' } },
    {
      name: 'file01',
      owner: 'HV03',
      possibleOwners: ['HV01', 'HV02', 'HV03'],
      guest: { release: '2019', edition: 'Standard' },
    },
    {
      name: 'app2025',
      owner: 'HV01',
      possibleOwners: ['HV01', 'HV02', 'HV03'],
      guest: { release: '2025', edition: 'Datacenter' },
    },
    {
      name: 'legacy01',
      owner: 'HV02',
      possibleOwners: ['HV01', 'HV02'],
      guest: { release: '2016', edition: 'Standard' },
      kvp: false,
    },
    {
      name: 'dc01',
      owner: 'HV01',
      possibleOwners: ['HV01', 'HV02'],
      guest: { release: '2019', edition: 'Standard' },
    },
    { name: 'ubuntu01', owner: 'HV02', guest: { os: 'Ubuntu', linux: true } },
    { name: 'report01', owner: 'HV02', possibleOwners: ['HV01', 'HV02'], guest: null },
  ],
};
