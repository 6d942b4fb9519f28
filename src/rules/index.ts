// The rule registry: every rule, sorted by id. test/rules/registry.test.ts keeps it in step with the files.
import activationUnknown from './activation-unknown.js';
import azureLocalAvmaUndeclared from './azure-local-avma-undeclared.js';
import factsMissing from './facts-missing.js';
import guestNewerThanHost from './guest-newer-than-host.js';
import guestUnknown from './guest-unknown.js';
import hostActivationExpiring from './host-activation-expiring.js';
import hostEditionUnconfirmed from './host-edition-unconfirmed.js';
import hostEvaluationEdition from './host-evaluation-edition.js';
import hostNotActivated from './host-not-activated.js';
import hostNotDatacenter from './host-not-datacenter.js';
import hostWithoutHyperV from './host-without-hyper-v.js';
import inventoryUnread from './inventory-unread.js';
import kvpDisabled from './kvp-disabled.js';
import noAvmaRequests from './no-avma-requests.js';
import nodeUnreachable from './node-unreachable.js';
import possibleOwnersUnread from './possible-owners-unread.js';
import releaseNotCovered from './release-not-covered.js';
import singleFailoverTarget from './single-failover-target.js';
import suppressionExpired from './suppression-expired.js';
import type { Rule } from './types.js';

export const rules: readonly Rule[] = [
  activationUnknown,
  azureLocalAvmaUndeclared,
  factsMissing,
  guestNewerThanHost,
  guestUnknown,
  hostActivationExpiring,
  hostEditionUnconfirmed,
  hostEvaluationEdition,
  hostNotActivated,
  hostNotDatacenter,
  hostWithoutHyperV,
  inventoryUnread,
  kvpDisabled,
  noAvmaRequests,
  nodeUnreachable,
  possibleOwnersUnread,
  releaseNotCovered,
  singleFailoverTarget,
  suppressionExpired,
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
