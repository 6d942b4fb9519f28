import { day } from './describe.js';
import { defineRule } from './types.js';

const DAY_MS = 86_400_000;

export default defineRule({
  id: 'host-activation-expiring',
  severity: 'warning',
  title: 'Host activation expires soon',
  explanation:
    'The node is activated now, but its activation is time-limited (evaluation, KMS or a grace period) and ' +
    'ends within the warning window. When it lapses, every AVMA VM on the node loses activation.',
  remedy: 'Renew or convert the node to a permanent Datacenter activation before the date shown.',
  checkNode: (node, { now, expiryWarningDays }) => {
    const expires = node.facts?.activated ? node.facts.activationExpires : null;
    if (!expires) return undefined;
    const left = Date.parse(expires) - now.getTime();
    if (left <= 0 || left > expiryWarningDays * DAY_MS) return undefined;
    const days = Math.ceil(left / DAY_MS);
    return {
      message: `${node.name}'s activation expires on ${day(expires)}, in ${days} day${days === 1 ? '' : 's'}`,
    };
  },
});
