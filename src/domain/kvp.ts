// Msvm_KvpExchangeComponent.GuestIntrinsicExchangeItems (XML strings) to a guest OS (domain.md 5).
// Every KVP string is written by the guest and is untrusted: lengths are capped and numbers validated.
import type { GuestOs } from '../model/facts.js';
import { editionFromCaption, editionFromSku } from './editions.js';
import { releaseFromBuild, releaseFromCaption } from './releases.js';

/** Msvm_KvpExchangeDataItem Data and Name are at most 1024 characters; an item is a little XML around them. */
const MAX_ITEM_LENGTH = 8192;
const MAX_VALUE_LENGTH = 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The PROPERTY elements of one <INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"> as name -> value. */
export function parseKvpItem(xml: string): Map<string, string> {
  const properties = new Map<string, string>();
  if (xml.length > MAX_ITEM_LENGTH) return properties;
  const property = /<PROPERTY\b[^>]*?\bNAME="([^"]{1,64})"[^>]*>\s*(?:<VALUE>([^<]*)<\/VALUE>)?/g;
  for (const match of xml.matchAll(property)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined) properties.set(name, decodeEntities(value));
  }
  return properties;
}

/** Name -> Data of every intrinsic item; later duplicates do not override earlier ones. */
export function parseIntrinsicItems(items: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const xml of items) {
    const item = parseKvpItem(xml);
    const name = item.get('Name');
    const data = item.get('Data');
    if (name === undefined || data === undefined || pairs.has(name)) continue;
    // Some items end in a stray line feed (FreeBSD-Test-Automation strips a trailing 0x0A).
    pairs.set(name, data.replace(/[\r\n]+$/, '').slice(0, MAX_VALUE_LENGTH));
  }
  return pairs;
}

function digits(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * Guest OS from intrinsic KVP items. Null when there are none (VM off, KVP off, no integration services).
 * ProductType 1 is a workstation; 2 (domain controller) and 3 are servers.
 */
export function guestFromKvp(items: readonly string[] | null): GuestOs | null {
  if (!items || items.length === 0) return null;
  const pairs = parseIntrinsicItems(items);
  if (pairs.size === 0) return null;
  const name = pairs.get('OSName') ?? null;
  const isWindows =
    pairs.get('OSPlatformId')?.trim() === '2' || /^\s*(microsoft\s+)?windows\b/i.test(name ?? '');
  const build = digits(pairs.get('OSBuildNumber')) ?? digits(pairs.get('OSVersion')?.split('.')[2]);
  const sku = digits(pairs.get('OSEditionId'));
  const productType = digits(pairs.get('ProductType'));
  if (!isWindows) return { family: 'other', release: null, edition: null, build, name, stale: false };
  if (productType === 1)
    return { family: 'windows-client', release: null, edition: 'client', build, name, stale: false };
  const bySku = sku === null ? null : editionFromSku(sku);
  const byName = name ? editionFromCaption(name) : null;
  // OSEditionId and OSName that disagree (Essentials by SKU, Datacenter by name): the edition is unknown, so the
  // guest is judged as one that may use AVMA, never set aside as not using it.
  const edition = bySku && byName && bySku !== byName ? null : (bySku ?? byName);
  const semiAnnual = sku === 145 || sku === 146;
  // The build decides (Azure Local shares builds with Windows Server); OSName only when there is no build.
  const release =
    edition === 'azure-local'
      ? null
      : build !== null
        ? releaseFromBuild(build, semiAnnual)
        : name
          ? releaseFromCaption(name)
          : null;
  return {
    family: edition === 'client' ? 'windows-client' : 'windows-server',
    release,
    edition,
    build,
    name,
    stale: false,
  };
}
