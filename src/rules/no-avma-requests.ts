import { defineRule } from './types.js';

const SHOWN = 5;

export default defineRule({
  id: 'no-avma-requests',
  severity: 'warning',
  title: 'No node logged an AVMA request, yet VMs are assumed to use AVMA',
  explanation:
    'A Hyper-V host logs the AVMA requests of its guests as event 12310 in its Application log. When no node ' +
    'of the cluster logged one in the last 30 days while VMs are taken to use AVMA only because nothing says ' +
    'otherwise (assumed, or the default of the config), that assumption may be wrong: the VMs may be ' +
    'activated by KMS or MAK, and their verdicts rest on it. Events are counted by ID only.',
  remedy:
    'Check how the VMs are activated (slmgr /dlv in a guest) and say so in clusters.yaml: activation: ' +
    '{ default: other } for the cluster or under defaults, exceptions by VM name pattern for the AVMA ones ' +
    '({ vms: "app-*", activation: avma }), or activation on a VM.',
  checkCluster: ({ nodes, vms }, { cluster }) => {
    // Every count must be known and 0: a node whose count is unknown may have logged requests.
    if (nodes.length === 0 || nodes.some((node) => node.facts?.avmaRequests30d !== 0)) return undefined;
    const assumed = vms.filter(
      (vm) =>
        vm.activation === 'avma' && (vm.activationBasis === 'assumed' || vm.activationBasis === 'default'),
    );
    if (assumed.length === 0) return undefined;
    const counts = nodes.map((node) => `${node.name} 0`).join(', ');
    const names = assumed.slice(0, SHOWN).map((vm) => vm.name);
    const more = assumed.length > SHOWN ? ` and ${assumed.length - SHOWN} more` : '';
    return {
      message:
        `no node of ${cluster.name} logged an AVMA request (event 12310) in the last 30 days (${counts}), ` +
        `yet ${assumed.length} VM${assumed.length === 1 ? ' is' : 's are'} assumed to use AVMA ` +
        `(${names.join(', ')}${more}); if they are activated by KMS or MAK, declare activation: other ` +
        '(activation.default, exceptions by VM name, or per VM)',
    };
  },
});
