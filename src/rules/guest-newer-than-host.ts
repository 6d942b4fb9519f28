import { azureLocalCoversGuest, guestKeyFamily, hostAvmaRelease, hostCoversGuest } from '../domain/policy.js';
import { isLegacyRelease, releaseName } from '../domain/releases.js';
import type { NodeRecord } from '../model/facts.js';
import { guestRelease, hostRelease } from './describe.js';
import { defineRule } from './types.js';

function hostCanActivate(
  node: NodeRecord,
  guest: NonNullable<ReturnType<typeof guestKeyFamily>>,
): boolean | null {
  const facts = node.facts;
  if (!facts) return null;
  if (facts.edition === 'azure-local') {
    if (!facts.azureLocalAvma || guest.family === '2012R2') return null;
    return azureLocalCoversGuest(facts.azureLocalAvma, guest.family);
  }
  if (!facts.release) return null;
  if (isLegacyRelease(facts.release)) return false;
  const host = hostAvmaRelease(facts.release);
  return host ? hostCoversGuest(host, guest.family) : null;
}

export default defineRule({
  id: 'guest-newer-than-host',
  severity: 'error',
  title: 'Guest release is newer than the host can activate',
  explanation:
    'A host activates guests of its own Windows Server release and older ones only (a 2022 host activates ' +
    '2022, 2019, 2016 and 2012 R2 guests, not 2025). During a rolling upgrade, a VM of the new release that ' +
    'fails over to a node still on the old one loses activation. Semi-annual guests are judged by the ' +
    'release whose AVMA keys they carry.',
  remedy:
    "Upgrade the older nodes before the guests, or keep them out of the VM's possible owners until they are " +
    'upgraded.',
  checkTarget: ({ vm, node }) => {
    const guest = vm.guest?.release ? guestKeyFamily(vm.guest.release) : null;
    if (!vm.guest || !guest || hostCanActivate(node, guest) !== false) return undefined;
    const facts = node.facts;
    const host =
      facts?.edition === 'azure-local'
        ? `Azure Local with ${facts.azureLocalAvma} AVMA keys`
        : facts
          ? hostRelease(facts)
          : '';
    const inferred = guest.inferred ? ` (judged as ${releaseName(guest.family)} by its AVMA keys)` : '';
    return {
      message: `${vm.name} runs ${guestRelease(vm.guest)}${inferred}, which ${node.name} on ${host} cannot activate`,
    };
  },
});
