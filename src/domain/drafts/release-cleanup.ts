/*
 * What wires and press-release services put around the news: datelines with a full date ("Dublin,
 * Ireland, February 23, 2016 –", "WEST PALM BEACH, FL, UNITED STATES, February 24, 2026 /
 * EINPresswire.com / --", "PARIS, 12 mars 2026 —"), agency credits ("(dpa-AFX)") and bullet
 * glyphs. A post quotes the news, never its wrapping; what is left is still verbatim.
 */

const MONTHS = [
  // English, with the usual abbreviations.
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sept?(?:ember)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
  // French, Dutch, German, Spanish.
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
  'januari|februari|maart|mei|juni|juli|augustus|oktober',
  'januar|februar|märz|maerz|oktober|dezember',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
].join('|');
// Month names start with a capital in English and German, not in French, Dutch or Spanish.
const MONTH = String.raw`(?:${MONTHS.replace(/(^|\|)(\p{L})/gu, (_, bar: string, first: string) => `${bar}[${first.toUpperCase()}${first}]`)})\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+(?:de\s+)?${MONTH}\s+(?:de\s+)?\d{4})`;
const WIRES = String.raw`(?:dpa-AFX|dpa|AP|AFP|Reuters|ANP|Belga|APA|SDA|EFE|Europa Press|PRNewswire|PR Newswire|Business Wire|GLOBE NEWSWIRE|EINPresswire(?:\.com)?|ots)`;
const DASH = '(?:—|–|--|-|:)';

/** A place: capitalised words, commas between them ("Dublin, Ireland", "WEST PALM BEACH, FL"). */
const PLACE = String.raw`\p{Lu}[\p{L}\p{M}.'’\-]*(?:,?\s+\p{Lu}[\p{L}\p{M}.'’\-]*){0,6}`;
/** A place, a full date, an optional service ("/ EINPresswire.com /"), then a dash. */
const DATED_DATELINE = new RegExp(
  String.raw`^${PLACE},?\s+${DATE}\s*(?:\/\s*[^/\n]{1,40}?\s*\/)?\s*(?:\(${WIRES}\))?\s*${DASH}+\s*`,
  'u',
);
/** An agency credit opening a paragraph, after a place in capitals or alone. */
const WIRE_CREDIT = new RegExp(
  String.raw`^(?:\p{Lu}[\p{Lu}\p{M} .'’\-]{1,40}\s+)?\(${WIRES}\)\s*${DASH}?\s*`,
  'u',
);
const BULLET = /^\s*(?:[•●○◦▪▫■□►▶➤✓✔*]|\p{Extended_Pictographic})\uFE0F?\s+/u;

export function stripDatedDateline(paragraph: string): string {
  return paragraph.replace(DATED_DATELINE, '').replace(WIRE_CREDIT, '');
}

export function stripBullet(line: string): string {
  return line.replace(BULLET, '');
}

/**
 * Item numbers, lot codes and UPCs ("Item# 10139802 - UPC# 400050521", "LOT CODE: 537CG4PA30, …"):
 * a reader needs them on the product page, not in a post. Such a line is mostly tokens with digits.
 */
export function isCodeLine(line: string): boolean {
  const tokens = line.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
  if (tokens.length < 2) return false;
  const coded = tokens.filter((token) => /\d/.test(token)).length;
  return coded / tokens.length >= 0.4 && !/[.!?]$/.test(line);
}
