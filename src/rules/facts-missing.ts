import { probeFailureText } from '../domain/probe-rights.js';
import type { NodeFacts } from '../model/facts.js';
import { defineRule } from './types.js';

function missingHostFacts(facts: NodeFacts): string[] {
  const missing: string[] = [];
  if (facts.edition === null) missing.push('edition');
  if (facts.release === null && facts.build === null && facts.edition !== 'azure-local')
    missing.push('release');
  if (facts.activated === null) missing.push('activation');
  if (facts.hyperV === null) missing.push('Hyper-V');
  return missing;
}

export default defineRule({
  id: 'facts-missing',
  severity: 'unknown',
  title: 'A fact needed to judge is missing',
  explanation:
    'The node answered, or was declared, but without a fact AVMA depends on (edition, release, activation, ' +
    'Hyper-V role, or whether a VM has Key-Value Pair Exchange on), so VMs that depend on it cannot be judged.',
  remedy:
    'Declare the missing fact in clusters.yaml, or fix the probe error shown for the node and scan again.',
  checkNode: (node) => {
    if (node.error) return undefined;
    const missing = node.facts ? missingHostFacts(node.facts) : ['every fact'];
    if (missing.length === 0) return undefined;
    const why = node.probeErrors.map(probeFailureText).join('; ');
    return { message: `${node.name}: unknown ${missing.join(', ')}${why ? ` (${why})` : ''}` };
  },
  checkVm: ({ vm }) =>
    vm.kvp === null
      ? { message: `${vm.name}: unknown whether Key-Value Pair Exchange is enabled` }
      : undefined,
});
