import { hostEditionStanding } from '../domain/policy.js';
import { hostEdition } from './describe.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'host-edition-unconfirmed',
  severity: 'unknown',
  title: 'Host edition is not confirmed as an AVMA host',
  explanation:
    'No source confirms whether this edition (for example Datacenter: Azure Edition, in practice a guest-only ' +
    'product) can activate guests by AVMA, so avma-check cannot judge VMs that land on it.',
  remedy: 'Run such nodes as Windows Server Datacenter, or remove them from the possible owners of AVMA VMs.',
  checkNode: (node) => {
    const facts = node.facts;
    if (!facts?.edition || hostEditionStanding(facts.edition) !== 'unconfirmed') return undefined;
    return { message: `${node.name} runs ${hostEdition(facts)}, which is not confirmed as an AVMA host` };
  },
});
