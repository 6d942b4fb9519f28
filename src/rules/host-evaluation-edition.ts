import { isEvaluationHost } from '../domain/policy.js';
import { day } from './describe.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'host-evaluation-edition',
  severity: 'warning',
  title: 'Host runs an evaluation edition',
  explanation:
    'Evaluation Datacenter reports itself as licensed while it counts down to its end date. avma-check ' +
    'counts it as Datacenter, but no source confirms that evaluation hosts activate AVMA guests, and when ' +
    'the evaluation ends the node stops activating.',
  remedy:
    'Convert the node to a licensed Datacenter edition before the evaluation ends: ' +
    '`DISM /online /Set-Edition:ServerDatacenter /ProductKey:<a Datacenter product key> /AcceptEula`.',
  checkNode: (node) => {
    const facts = node.facts;
    if (!facts || !isEvaluationHost(facts.edition, facts.evaluationLicense)) return undefined;
    const ends = facts.activationExpires ? `, ending on ${day(facts.activationExpires)}` : '';
    return {
      message: `${node.name} runs an evaluation licence${ends}; evaluation hosts are not confirmed AVMA hosts`,
    };
  },
});
