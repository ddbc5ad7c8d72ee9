import { lookup } from '../../lookup.js';

/*
 * Abbreviations and titles a model writes for words the release spells out: "EPS" for earnings per
 * diluted share, "YoY" for year-over-year, "ISS" for the International Space Station, "CEO" after a
 * name. They restate the release; they are not names it lacks.
 */

const EXPANSIONS: Record<string, RegExp> = {
  eps: /earnings per (?:diluted )?share|per diluted share|per share/,
  yoy: /year[- ]over[- ]year|(?:prior|last|previous) year/,
  qoq: /quarter[- ]over[- ]quarter|(?:prior|last|previous) quarter/,
  ceo: /chief executive/,
  cfo: /chief financial/,
  coo: /chief operating/,
  cto: /chief technology/,
  cmo: /chief marketing/,
  vp: /vice[- ]president/,
  svp: /senior vice[- ]president/,
  evp: /executive vice[- ]president/,
  'r&d': /research and development|research, development/,
  fy: /fiscal|financial year/,
  us: /united states|u\.s\./,
  uk: /united kingdom|u\.k\./,
  eu: /european union/,
  pdg: /président-directeur général|directeur général/,
};

/** Titles that may follow or precede a name in a paraphrase: "Dave Calhoun, CEO". */
const TITLES = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cmo',
  'vp',
  'svp',
  'evp',
  'chair',
  'chairman',
  'chairwoman',
  'president',
  'director',
  'minister',
  'ministre',
  'minister-president',
  'staatssecretaris',
  'secretary',
  'administrator',
]);

// Small words an acronym skips: "ISS" is International Space Station, "R&D" research and development.
const SKIPPED = new Set([
  'of',
  'and',
  'the',
  'for',
  '&',
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'der',
  'voor',
  'für',
  'y',
]);

/** True when the acronym's letters are the initials of consecutive words of the release. */
function initialsOf(acronym: string, releaseWords: string[]): boolean {
  const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  for (let start = 0; start < releaseWords.length; start++) {
    let matched = 0;
    for (let i = start; i < releaseWords.length && matched < letters.length; i++) {
      const word = releaseWords[i] ?? '';
      if (i > start && SKIPPED.has(word)) continue;
      if (!word.startsWith(letters[matched] ?? '')) break;
      matched++;
    }
    if (matched === letters.length) return true;
  }
  return false;
}

export interface AbbreviationReader {
  /** Does the release spell this abbreviation or title out (or use it as written)? */
  supported(word: string): boolean;
  isTitle(word: string): boolean;
}

export function readAbbreviations(releaseText: string): AbbreviationReader {
  const words = releaseText
    .split(/[\s\-–—/]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, ''));
  const written = new Set(words);
  const cache = new Map<string, boolean>();
  return {
    supported(word) {
      const key = word.toLowerCase().replace(/\.+$/, '');
      const known = cache.get(key);
      if (known !== undefined) return known;
      const expansion = lookup(EXPANSIONS, key);
      const result =
        (expansion?.test(releaseText) ?? false) ||
        // "D.C." for the release's "DC": the same letters, with or without full stops.
        (/^(?:\p{L}\.)+\p{L}?$/u.test(key) && written.has(key.replace(/\./g, ''))) ||
        (key.length <= 6 &&
          /^[\p{L}&]+$/u.test(key) &&
          (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 &&
          initialsOf(key, words));
      cache.set(key, result);
      return result;
    },
    isTitle: (word) => TITLES.has(word.toLowerCase().replace(/[.,]+$/, '')),
  };
}
