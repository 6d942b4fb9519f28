import { guestKeyFamily, hostAvmaRelease } from '../domain/policy.js';
import { isLegacyRelease, releaseName } from '../domain/releases.js';
import { guestRelease } from './describe.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'release-not-covered',
  severity: 'unknown',
  title: 'Release is not covered by the AVMA tables',
  explanation:
    'Microsoft publishes AVMA host and guest tables for the long-term releases (2012 R2 to 2025). Semi-annual ' +
    'hosts appear in none; semi-annual 2004, 20H2 and 23H2 guests have no AVMA keys; Azure Local lists no ' +
    '2012 R2 guests; and a build avma-check does not know cannot be placed. Such pairs are not judged.',
  remedy:
    'Move to a long-term release, or declare a known release in clusters.yaml if you know how the node ' +
    'or guest behaves.',
  checkNode: (node) => {
    const facts = node.facts;
    if (!facts || facts.edition === 'azure-local') return undefined;
    if (facts.release === null) {
      return facts.build === null
        ? undefined
        : { message: `${node.name} runs build ${facts.build}, not a known release` };
    }
    if (hostAvmaRelease(facts.release) || isLegacyRelease(facts.release)) return undefined;
    return { message: `${node.name} runs ${releaseName(facts.release)}; no AVMA table lists it as a host` };
  },
  checkVm: ({ vm }) => {
    const guest = vm.guest;
    if (guest?.family !== 'windows-server') return undefined;
    if (guest.release === null) {
      return guest.build === null
        ? undefined
        : { message: `${vm.name} runs build ${guest.build}, not a known release` };
    }
    if (guestKeyFamily(guest.release) || isLegacyRelease(guest.release)) return undefined;
    return { message: `${vm.name} runs ${guestRelease(guest)}, for which no AVMA keys are published` };
  },
  checkTarget: ({ vm, node }) => {
    if (node.facts?.edition !== 'azure-local' || !node.facts.azureLocalAvma) return undefined;
    if (vm.guest?.release !== '2012R2') return undefined;
    return {
      message: `${vm.name} runs Windows Server 2012 R2, which Azure Local's AVMA table does not list`,
    };
  },
});
