import { DRAFTER_PHRASES } from '../calls-to-action.js';
import { type AbbreviationReader, readAbbreviations } from './abbreviations.js';
import type { Flag } from './flag.js';
import { MASK } from './mask.js';
import { normaliseForMatch } from './normalise.js';
import { isCapitalised, looksLikeName, startsSentence, type Word, words } from './words.js';

// Words the template drafter adds itself; never names, whatever their case.
const DRAFTER_WORDS = [
  'link in bio',
  'read more',
  'learn more',
  'find out more',
  'big news',
  'just announced',
  'announcement',
  'breaking',
  'details',
  'full release',
  'more',
  'update',
  'news',
];
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DRAFTER_WORDS_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...DRAFTER_PHRASES.map(escapeRegExp), ...DRAFTER_WORDS].join('|')})(?![\\p{L}])`,
  'giu',
);

const CONNECTORS = new Set([
  'of',
  'de',
  'da',
  'del',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
]);
const isConnector = (word: Word): boolean => CONNECTORS.has(word.text.toLowerCase());

// "Holloway said …": a lone word starting a sentence is a name when it is the one speaking.
const SPEAKS =
  /^[ \u00a0]+(?:said|says|told|tells|added|adds|explained|noted|stated|announced)(?![\p{L}\p{M}])/u;

function nameSupported(parts: readonly string[], releaseText: string): boolean {
  // A closing full stop ("U.S.", "Inc.") may be followed by anything in the release.
  const escaped = parts.map((part, index) =>
    normaliseForMatch(index === parts.length - 1 ? part.replace(/\.+$/, '') : part).replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    ),
  );
  // Letters only: "Q4" in the release contains the name-like "Q".
  // "COVID-positive" restates "COVID positive": a hyphen and a space join words alike.
  const pattern = escaped.join('\\s+').replace(/-/g, '[-\\s]');
  return new RegExp(`(?<!\\p{L})${pattern}(?![\\p{L}\\p{M}])`, 'u').test(releaseText);
}

const lookupParts = (sequence: readonly Word[]): string[] =>
  sequence.map((word, index) => (index === sequence.length - 1 ? word.text : word.written));

/** Runs of capitalised words on one line and in one sentence, joined by a lower-case "of" or "van". */
function capitalisedRuns(text: string): Word[][] {
  const runs: Word[][] = [];
  let current: Word[] = [];
  // "van der", "de la": a name may hold more than one lower-case particle.
  let pending: Word[] = [];
  const close = () => {
    if (current.length > 0) runs.push(current);
    current = [];
    pending = [];
  };
  for (const word of words(text)) {
    const previous = pending[pending.length - 1] ?? current[current.length - 1];
    const adjacent = previous !== undefined && /^[ \u00a0]+$/.test(text.slice(previous.end, word.start));
    if (current.length > 0 && (!adjacent || previous?.endsSentence)) close();
    if (isCapitalised(word.text)) {
      current.push(...pending, word);
      pending = [];
      if (word.endsSentence) close();
    } else if (current.length > 0 && pending.length < 2 && isConnector(word)) {
      pending.push(word);
    } else {
      close();
    }
  }
  close();
  return runs;
}

/** The words of a run that claim a name, or none when its capital only starts a sentence. */
function claimedName(text: string, run: Word[], releaseText: string): Word[] {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return [];
  const speaks = run.length === 1 && SPEAKS.test(text.slice(last.end));
  if (!startsSentence(text, first.start) || looksLikeName(first.text) || speaks) return run;
  // "Today NASA said": the first word is capitalised only because it starts the sentence.
  if (run.length === 1 || nameSupported(lookupParts(run), releaseText)) return [];
  let rest = run.slice(1);
  while (rest[0] && isConnector(rest[0])) rest = rest.slice(1);
  return rest;
}

// Articles and particles capitalised at the start of a sentence or after a colon: never a name alone.
const PARTICLES = new Set([
  ...CONNECTORS,
  'het',
  'een',
  'les',
  'des',
  'die',
  'das',
  'el',
  'los',
  'las',
  'un',
  'une',
]);

/** Drops titles and abbreviations the release spells out, then any particle left at either end. */
function withoutRestatements(name: Word[], abbreviations: AbbreviationReader): Word[] {
  let kept = name.filter((word) => !(abbreviations.isTitle(word.text) || abbreviations.supported(word.text)));
  while (kept[0] && PARTICLES.has(kept[0].text.toLowerCase())) kept = kept.slice(1);
  while (kept.length > 0 && PARTICLES.has(kept[kept.length - 1]?.text.toLowerCase() ?? ''))
    kept = kept.slice(0, -1);
  return kept;
}

/** "Dave Calhoun" where the release says "Dave" and "David L. Calhoun": every word of it is there. */
function wordsSupported(parts: readonly string[], releaseText: string): boolean {
  return parts.length >= 2 && parts.every((part) => nameSupported([part], releaseText));
}

export function flagNames(draft: string, releaseText: string, flag: Flag): void {
  const text = draft.replace(DRAFTER_WORDS_PATTERN, (phrase) => MASK.repeat(phrase.length));
  const abbreviations = readAbbreviations(releaseText);
  for (const run of capitalisedRuns(text)) {
    const claimed = claimedName(text, run, releaseText);
    const name = withoutRestatements(claimed, abbreviations);
    const head = name[0];
    if (!head || (name.length === 1 && head.text === 'I')) continue;
    const parts = lookupParts(name);
    if (!nameSupported(parts, releaseText) && !wordsSupported(parts, releaseText)) {
      flag(head.start, 'name', parts.join(' '));
    }
  }
}
