import type { NodeRecord } from '../model/facts.js';
import { defineRule } from './types.js';

/** Nodes that answered but could not list their VMs, with the error. */
export function vmListFailures(nodes: readonly NodeRecord[]): { node: string; message: string }[] {
  return nodes.flatMap((node) => {
    const failed = node.error === null ? node.probeErrors.find((e) => e.probe === 'vms') : undefined;
    return failed ? [{ node: node.name, message: failed.message }] : [];
  });
}

export default defineRule({
  id: 'inventory-unread',
  severity: 'unknown',
  title: 'A node could not list its VMs',
  explanation:
    'The node answered, but listing its virtual machines (Get-VM) failed. VMs that run there may be missing ' +
    'from the report or lack their guest facts, so no verdict over the cluster can be complete: the run is ' +
    'incomplete (exit 3) unless a VM is already at risk.',
  remedy:
    'Give the scan account the right to read Hyper-V (membership of the Hyper-V Administrators group) on the ' +
    'node, or run as an account that has it, and scan again.',
  checkCluster: ({ nodes }) => {
    const failures = vmListFailures(nodes);
    if (failures.length === 0) return undefined;
    const listed = failures.map((f) => `${f.node} (${f.message})`).join('; ');
    return {
      message: `could not list the VMs of ${failures.length === 1 ? 'a node' : `${failures.length} nodes`}: ${listed}; VMs running there may be missing from this report`,
    };
  },
});
