import { saysNoCluster } from '../domain/no-cluster.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'possible-owners-unread',
  severity: 'warning',
  title: "The cluster's VM groups and possible owners could not be read",
  explanation:
    'Reading the cluster (Get-ClusterGroup, Get-ClusterOwnerNode) failed on every node that answered, usually ' +
    'because the scan account has no read access to the cluster. Without possible owners, each VM is judged ' +
    'on every node of the cluster, as a clustered VM may fail over to any node by default: a VM whose owners ' +
    'are restricted may be reported at risk on a node it can never reach.',
  remedy:
    'Grant the scan account read access to the cluster (Grant-ClusterAccess -User DOMAIN\\account -ReadOnly on ' +
    'one node) and scan again.',
  checkCluster: ({ nodes }) => {
    const answered = nodes.filter((node) => node.error === null && node.source === 'scanned');
    const failed = answered.flatMap((node) => node.probeErrors.filter((e) => e.probe === 'clusterGroups'));
    if (answered.length === 0 || failed.length < answered.length || nodes.length < 2) return undefined;
    // Hosts that are in no cluster keep their VMs (assemble-cluster.ts): nothing was hidden.
    if (failed.every((e) => saysNoCluster(e.message))) return undefined;
    return {
      message: `the VM groups and possible owners could not be read on any node (${failed[0]?.message}); each VM is judged on every node of the cluster`,
    };
  },
});
