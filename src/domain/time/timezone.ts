import { closestMatch } from '../commands/closest-match.js';
import { lookup } from '../lookup.js';

/*
 * Workspaces store an IANA zone name ("Europe/London"), never an abbreviation: "EST" is a fixed
 * UTC-5 with no daylight saving, and "IST" is three different places. Abbreviations and city
 * names are only turned into suggestions.
 */

// Current names that the ICU data in some Node versions lists only under their old spelling.
const MODERN_NAMES = [
  'Asia/Kolkata',
  'Europe/Kyiv',
  'America/Nuuk',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Pacific/Kanton',
];

const ALIASES: Record<string, string> = {
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  eastern: 'America/New_York',
  'us eastern': 'America/New_York',
  nyc: 'America/New_York',
  'new york city': 'America/New_York',
  boston: 'America/New_York',
  dc: 'America/New_York',
  'washington dc': 'America/New_York',
  atlanta: 'America/New_York',
  miami: 'America/New_York',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  central: 'America/Chicago',
  austin: 'America/Chicago',
  dallas: 'America/Chicago',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mt: 'America/Denver',
  mountain: 'America/Denver',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  sf: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  'bay area': 'America/Los_Angeles',
  la: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  akst: 'America/Anchorage',
  hst: 'Pacific/Honolulu',
  gmt: 'Europe/London',
  bst: 'Europe/London',
  uk: 'Europe/London',
  england: 'Europe/London',
  britain: 'Europe/London',
  manchester: 'Europe/London',
  ireland: 'Europe/Dublin',
  wet: 'Europe/Lisbon',
  cet: 'Europe/Berlin',
  cest: 'Europe/Berlin',
  germany: 'Europe/Berlin',
  munich: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  hamburg: 'Europe/Berlin',
  france: 'Europe/Paris',
  spain: 'Europe/Madrid',
  barcelona: 'Europe/Madrid',
  italy: 'Europe/Rome',
  milan: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam',
  eet: 'Europe/Athens',
  ist: 'Asia/Kolkata',
  india: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  uae: 'Asia/Dubai',
  china: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai',
  sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong',
  jst: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  kst: 'Asia/Seoul',
  korea: 'Asia/Seoul',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  australia: 'Australia/Sydney',
  acst: 'Australia/Adelaide',
  awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland',
  'new zealand': 'Pacific/Auckland',
  nz: 'Pacific/Auckland',
  brazil: 'America/Sao_Paulo',
  brt: 'America/Sao_Paulo',
  canada: 'America/Toronto',
  mexico: 'America/Mexico_City',
};

function intlZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let knownZones: readonly string[] | null = null;
function zones(): readonly string[] {
  if (knownZones === null) {
    const listed = Intl.supportedValuesOf('timeZone');
    const extra = MODERN_NAMES.filter((zone) => !listed.includes(zone) && intlZone(zone) !== null);
    knownZones = [...listed, ...extra, 'UTC'];
  }
  return knownZones;
}

/** True for region names (with a slash) and UTC; false for abbreviations the runtime would accept. */
const looksLikeRegion = (name: string): boolean => name.includes('/') || /^utc$/i.test(name);

/**
 * The IANA name to store for what an admin typed, or null. Correct names are kept as typed
 * (`Asia/Kolkata` stays, although ICU calls it `Asia/Calcutta`); wrong capitalisation is fixed.
 */
export function resolveTimezone(name: string): string | null {
  const typed = name.trim();
  if (typed === '' || typed.length > 64 || !looksLikeRegion(typed)) return null;
  const exact = zones().find((zone) => zone === typed);
  if (exact) return exact;
  const sameLetters = zones().find((zone) => zone.toLowerCase() === typed.toLowerCase());
  if (sameLetters) return sameLetters;
  // Old aliases (US/Eastern, Asia/Calcutta) that ICU knows but does not list.
  const resolved = intlZone(typed);
  if (resolved === null) return null;
  return resolved.toLowerCase() === typed.toLowerCase() ? typed : resolved;
}

/** EST, CET, GMT…: names the runtime accepts that are not regions, so they are never stored. */
export function isZoneAbbreviation(name: string): boolean {
  const typed = name.trim();
  return typed !== '' && typed.length <= 8 && !looksLikeRegion(typed) && intlZone(typed) !== null;
}

export function isValidTimezone(name: string): boolean {
  return resolveTimezone(name) !== null;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const cityOf = (zone: string): string => zone.slice(zone.lastIndexOf('/') + 1);

/**
 * A likely IANA name for what someone typed: a valid name, an abbreviation (EST), a city
 * ("london", "new york"), or a typo ("Europe/Londn"). Null when nothing is close.
 */
export function suggestTimezone(input: string): string | null {
  const typed = input.trim();
  if (typed === '' || typed.length > 64) return null;
  const valid = resolveTimezone(typed);
  if (valid) return valid;
  const aliasKey = typed.toLowerCase().replace(/[_\-\s]+/g, ' ');
  const alias = lookup(ALIASES, aliasKey);
  if (alias) return alias;
  const squashed = squash(typed);
  if (squashed === '') return null;
  const byCity = zones().find((zone) => zone.includes('/') && squash(cityOf(zone)) === squashed);
  if (byCity) return byCity;
  // Typos: try whole names when a region was typed, otherwise city names.
  const regional = zones().filter((zone) => zone.includes('/'));
  if (typed.includes('/')) {
    const near = closestMatch(squashed, regional.map(squash));
    return near === null ? null : (regional.find((zone) => squash(zone) === near) ?? null);
  }
  const near = closestMatch(
    squashed,
    regional.map((zone) => squash(cityOf(zone))),
  );
  return near === null ? null : (regional.find((zone) => squash(cityOf(zone)) === near) ?? null);
}
