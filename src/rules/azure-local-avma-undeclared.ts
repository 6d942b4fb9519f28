import { defineRule } from './types.js';

export default defineRule({
  id: 'azure-local-avma-undeclared',
  severity: 'unknown',
  title: 'Azure Local host does not say how AVMA is provided',
  explanation:
    'Azure Local (Azure Stack HCI) hosts are not Windows Server Datacenter; they activate guests by AVMA only ' +
    'when a Windows Server subscription or Datacenter host keys are set up, and which guests they cover ' +
    'depends on which. avma-check cannot see that from the host.',
  remedy:
    'Run Get-VMAutomaticActivation on the node and declare the result in clusters.yaml as ' +
    'facts.azureLocalAvma: subscription, "2019", "2022" or "2025".',
  checkNode: (node) => {
    const facts = node.facts;
    if (facts?.edition !== 'azure-local' || facts.azureLocalAvma) return undefined;
    return { message: `${node.name} runs Azure Local, and how it provides AVMA is not declared` };
  },
});
