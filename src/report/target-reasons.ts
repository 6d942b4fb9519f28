// The failing or unknown targets of a VM, each with its reasons in words: shared by the file formats.
import type { ClusterResult, TargetVerdict, VmResult } from '../model/report.js';
import { findingIndex } from './describe.js';

export interface TargetReason {
  node: string;
  rules: readonly string[];
  messages: string[];
}

export function reasonIndex(cluster: ClusterResult) {
  const messageOf = findingIndex(cluster.findings);
  return (vm: VmResult, verdict: TargetVerdict): TargetReason[] =>
    vm.targets
      .filter((target) => target.verdict === verdict)
      .map((target) => ({
        node: target.node,
        rules: target.rules,
        messages: target.rules.map((rule) => messageOf(rule, target.node, vm.name)),
      }));
}
