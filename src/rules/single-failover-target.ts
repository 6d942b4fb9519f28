import { defineRule } from './types.js';

export default defineRule({
  id: 'single-failover-target',
  severity: 'warning',
  title: 'VM has nowhere to fail over to',
  explanation:
    'The VM can run on one node only (its possible owners, or a one-node cluster). If that node fails or is ' +
    'drained, the VM stops instead of moving, so the cluster gives it no protection.',
  remedy: 'Add more possible owners (Set-ClusterOwnerNode on the VM resource) that can activate the guest.',
  checkVm: ({ vm, targets }) => {
    if (targets.length > 1) return undefined;
    if (!targets[0]) return { message: `${vm.name} has no node left to run on` };
    return { message: `${vm.name} can run only on ${targets[0].name}` };
  },
});
