// A guest OS from what clusters.yaml declares: { release, edition }, { os: "<caption>" } or { build }.
import type { GuestOs } from '../model/facts.js';
import { type EditionFamily, editionFromCaption } from './editions.js';
import { type Release, releaseFromBuild, releaseFromCaption } from './releases.js';

export interface DeclaredGuest {
  release?: Release;
  edition?: EditionFamily;
  os?: string;
  build?: number;
}

function familyOfCaption(caption: string): GuestOs['family'] {
  if (/\bwindows server\b/i.test(caption)) return 'windows-server';
  if (/\bwindows\b/i.test(caption))
    return editionFromCaption(caption) === 'client' ? 'windows-client' : 'other';
  return 'other';
}

export function guestFromDeclared(declared: DeclaredGuest): GuestOs {
  const caption = declared.os ?? null;
  const build = declared.build ?? null;
  const release =
    declared.release ??
    (build !== null ? releaseFromBuild(build) : null) ??
    (caption ? releaseFromCaption(caption) : null);
  const edition = declared.edition ?? (caption ? editionFromCaption(caption) : null);
  let family: GuestOs['family'] = 'windows-server';
  if (edition === 'client') family = 'windows-client';
  else if (caption && !declared.release) family = familyOfCaption(caption);
  return { family, release, edition, build, name: caption };
}
