// A guest OS from what clusters.yaml declares: { release, edition }, { os: "<caption>" } or { build }.
import type { GuestOs } from '../model/facts.js';
import { type EditionFamily, editionFromCaption } from './editions.js';
import { type Release, releaseFromBuild, releaseFromCaption } from './releases.js';

export interface DeclaredGuest {
  release?: Release;
  edition?: EditionFamily;
  os?: string;
  build?: number;
  /** The declared edition is a semi-annual EditionID (…ACor): build 17763 is then 1809, not 2019. */
  semiAnnual?: boolean;
}

/** Hyper-V Server and Azure Local are server editions of Windows whose names do not say "Windows Server". */
function familyOfCaption(caption: string): GuestOs['family'] {
  const edition = editionFromCaption(caption);
  if (/\bwindows server\b/i.test(caption) || edition === 'hyper-v-server' || edition === 'azure-local')
    return 'windows-server';
  if (/\bwindows\b/i.test(caption)) return edition === 'client' ? 'windows-client' : 'other';
  return 'other';
}

export function guestFromDeclared(declared: DeclaredGuest): GuestOs {
  const caption = declared.os ?? null;
  const build = declared.build ?? null;
  const edition = declared.edition ?? (caption ? editionFromCaption(caption) : null);
  // The build decides over the name (config checks make a declared release agree with it); Azure Local shares
  // builds with Windows Server and has no Windows Server release.
  const release =
    edition === 'azure-local'
      ? null
      : (declared.release ??
        (build !== null
          ? releaseFromBuild(build, declared.semiAnnual)
          : caption
            ? releaseFromCaption(caption)
            : null));
  let family: GuestOs['family'] = 'windows-server';
  if (edition === 'client') family = 'windows-client';
  else if (caption && !declared.release) family = familyOfCaption(caption);
  return { family, release, edition, build, name: caption, stale: false };
}
