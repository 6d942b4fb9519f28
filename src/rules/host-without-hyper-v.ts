import { defineRule } from './types.js';

export default defineRule({
  id: 'host-without-hyper-v',
  severity: 'error',
  title: 'Host does not run Hyper-V',
  explanation: 'AVMA is a Hyper-V feature: a node without the Hyper-V role cannot activate guests.',
  remedy:
    'Install the role (Install-WindowsFeature -Name Hyper-V -IncludeManagementTools) and restart the node.',
  checkNode: (node) =>
    node.facts?.hyperV === false
      ? { message: `${node.name} does not have the Hyper-V role installed` }
      : undefined,
});
