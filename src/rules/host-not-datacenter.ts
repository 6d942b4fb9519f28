import { hostEditionStanding } from '../domain/policy.js';
import { hostEdition } from './describe.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'host-not-datacenter',
  severity: 'error',
  title: 'Host is not Windows Server Datacenter',
  explanation:
    'Only Windows Server Datacenter carries the unlimited virtualization rights AVMA rests on. A Standard, ' +
    'Essentials or Hyper-V Server node cannot activate guests, so every AVMA VM that fails over to it ' +
    'loses activation there.',
  remedy:
    'Upgrade the node to Datacenter and restart it: ' +
    '`DISM /online /Set-Edition:ServerDatacenter /ProductKey:<a Datacenter product key> /AcceptEula` ' +
    '(on Server Core the edition is ServerDatacenterCor). Or remove the node from the possible owners of every ' +
    'AVMA VM.',
  checkNode: (node) => {
    const facts = node.facts;
    if (!facts?.edition || hostEditionStanding(facts.edition) !== 'not-datacenter') return undefined;
    return {
      message: `${node.name} runs ${hostEdition(facts)}; only Datacenter hosts activate guests by AVMA`,
    };
  },
});
