import { defineRule } from './types.js';

export default defineRule({
  id: 'kvp-disabled',
  severity: 'error',
  title: 'Key-Value Pair Exchange is disabled on the VM',
  explanation:
    'AVMA talks to the guest through the Data Exchange (Key-Value Pair Exchange) integration service. With it ' +
    'off, the guest cannot be activated by any host.',
  remedy: 'Enable it: Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange".',
  checkVm: ({ vm }) =>
    vm.kvp === false ? { message: `${vm.name} has Key-Value Pair Exchange disabled` } : undefined,
});
