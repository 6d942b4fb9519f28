import { day } from './describe.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'host-not-activated',
  severity: 'error',
  title: 'Host is not activated',
  explanation:
    'A guest activates by AVMA only while the Hyper-V host it runs on is itself activated. In a failover ' +
    'cluster every node must be activated, or the VMs that land on the unactivated one lose activation.',
  remedy: 'Activate the node (slmgr /ipk with its Datacenter key, then slmgr /ato) and check slmgr /dlv.',
  checkNode: (node, { now }) => {
    const facts = node.facts;
    if (!facts) return undefined;
    if (facts.activated === false && facts.onlyAddOnLicenses) {
      return {
        message: `${node.name} is not activated: only add-on licences (such as ESU) are installed, no Windows licence`,
      };
    }
    if (facts.activated === false) {
      const state = facts.licenseState ? ` (licence state ${facts.licenseState})` : '';
      return { message: `${node.name} is not activated${state}` };
    }
    if (facts.activated && facts.activationExpires && Date.parse(facts.activationExpires) <= now.getTime()) {
      return { message: `${node.name}'s activation expired on ${day(facts.activationExpires)}` };
    }
    return undefined;
  },
});
