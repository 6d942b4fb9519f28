// Short phrases rules share in their messages.
import { editionName } from '../domain/editions.js';
import { releaseName } from '../domain/releases.js';
import type { GuestOs, NodeFacts } from '../model/facts.js';

export function hostRelease(facts: NodeFacts): string {
  if (facts.release) return releaseName(facts.release);
  return facts.build === null ? 'an unknown release' : `build ${facts.build}`;
}

export function hostEdition(facts: NodeFacts): string {
  const name = facts.edition ? editionName(facts.edition) : 'an unknown edition';
  return facts.editionId ? `${name} (EditionID ${facts.editionId})` : name;
}

export function guestRelease(guest: GuestOs): string {
  if (guest.release) return releaseName(guest.release);
  if (guest.build !== null) return `build ${guest.build}`;
  return guest.name ?? 'an unknown OS';
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}
