import { defineRule } from './types.js';

export default defineRule({
  id: 'kvp-disabled',
  severity: 'error',
  title: 'Key-Value Pair Exchange is disabled on the VM',
  explanation:
    'AVMA talks to the guest through the Data Exchange (Key-Value Pair Exchange) integration service. With it ' +
    'off, the guest cannot be activated by any host.',
  // By GUID: the service's name is localized, so -Name "Key-Value Pair Exchange" fails on non-English hosts.
  remedy:
    'Enable it on the VM by its GUID, which works whatever the language of the host: ' +
    "`Get-VMIntegrationService -VMName <vm> | Where-Object { $_.Id -like '*2A34B1C2-FD73-4043-8A5B-DD2159BC743F' } | Enable-VMIntegrationService`.",
  checkVm: ({ vm }) =>
    vm.kvp === false ? { message: `${vm.name} has Key-Value Pair Exchange disabled` } : undefined,
});
