import { AMOUNT, amountValues, SCALE, scaledValues, valueKey } from './amounts.js';
import { nounRightAfter, nounsAfter, stem } from './context.js';
import type { Flag } from './flag.js';
import { mask } from './mask.js';

/** What each number counts in the release: the stems of the words after it ("27 states" → stat). */
export type NumberNouns = Map<string, Set<string>>;

// A Map: a release's word "constructor" must not find Object.prototype's.
const NUMBER_WORDS = new Map<string, number>([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, value) => [word, value] as const),
  ...'thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((word, i) => [word, 30 + 10 * i] as const),
  ['hundred', 100],
  ['thousand', 1000],
  ['dozen', 12],
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
]);
// They are numbers in a release, but in a draft they mean too many other things.
const TOO_VAGUE = ['one', 'first', 'second', 'zero'];

const amountPattern = () => new RegExp(`(${AMOUNT})${SCALE}`, 'giu');

/** Bare numbers not inside a word ("X1000" is a model, not a count), with every value each can mean. */
export function findPlainNumbers(
  text: string,
): Array<{ start: number; end: number; text: string; keys: string[] }> {
  return Array.from(
    text.matchAll(new RegExp(`(?<![\\p{L}\\d.,])(${AMOUNT})(?![\\p{L}\\d])`, 'gu')),
    (match) => ({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      keys: amountValues(match[1] ?? '').map(valueKey),
    }),
  );
}

export function readNumbers(release: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of release.matchAll(amountPattern())) {
    for (const value of amountValues(match[1] ?? '')) numbers.add(valueKey(value));
    for (const value of scaledValues(match[1] ?? '', match[2])) numbers.add(value);
  }
  // Every run of digits on its own too: the draft may have lost what was around it ("@0,1" → "1").
  for (const match of release.matchAll(/\d+/g)) numbers.add(valueKey(Number(match[0])));
  for (const match of release.toLowerCase().matchAll(/\p{L}+/gu)) {
    const value = NUMBER_WORDS.get(match[0]);
    if (value !== undefined) numbers.add(valueKey(value));
  }
  return numbers;
}

export function readNumberNouns(release: string): NumberNouns {
  const nouns: NumberNouns = new Map();
  const add = (value: number, end: number) => {
    const key = valueKey(value);
    const set = nouns.get(key) ?? new Set<string>();
    nouns.set(key, set);
    // "2%" counts per cent (or points), not people: it gives no other noun to a bare 2.
    if (/^[ \u00a0]?(?:%|％|per[ \u00a0]?cent|pct)/iu.test(release.slice(end))) {
      set.add(stem('points')).add(stem('percent'));
      return;
    }
    for (const noun of nounsAfter(release, end, 3)) set.add(noun);
    nouns.set(key, set);
  };
  for (const match of release.matchAll(amountPattern())) {
    for (const value of amountValues(match[1] ?? '')) add(value, match.index + match[0].length);
  }
  for (const match of release.matchAll(/\p{L}+/gu)) {
    const value = NUMBER_WORDS.get(match[0].toLowerCase());
    if (value !== undefined) add(value, match.index + match[0].length);
  }
  return nouns;
}

/**
 * A number with a noun after it must count that noun somewhere in the release. The word after
 * next counts too: a draft puts a qualifier between them ("38 EPA grants" for "38 grants").
 */
function countsTheSame(
  values: string[],
  noun: string | null,
  nouns: NumberNouns | undefined,
  next: readonly string[] = [],
): boolean {
  if (noun === null || nouns === undefined) return true;
  return values.some((value) => [noun, ...next].some((word) => nouns.get(value)?.has(word)));
}

export function flagNumbers(draft: string, known: Set<string>, flag: Flag, nouns?: NumberNouns): string {
  let text = draft;
  for (const match of draft.matchAll(amountPattern())) {
    const written = match[1] ?? '';
    const values = [...amountValues(written).map(valueKey), ...scaledValues(written, match[2])];
    // "Q4" and "5th" read better in a flag than "4" and "5", and their letters are then no name.
    // Read from the text as masked so far, so they never reach into something already read.
    const prefix = /[\p{L}\p{M}\p{N}]+$/u.exec(text.slice(0, match.index))?.[0] ?? '';
    const end = match.index + match[0].length;
    const suffix = match[2] ? '' : (/^[\p{L}\p{M}\p{N}]+/u.exec(text.slice(end))?.[0] ?? '');
    const start = match.index - prefix.length;
    // "Q4 GAAP", "5th floor": a prefixed or suffixed number is an ordinal, not a count.
    const noun = suffix === '' && prefix === '' ? nounRightAfter(text, end) : null;
    const next = noun === null ? [] : nounsAfter(text, end, 2).slice(1);
    if (!values.some((value) => known.has(value)) || !countsTheSame(values, noun, nouns, next)) {
      flag(start, 'number', `${prefix}${match[0]}${suffix}`.trim());
    }
    text = mask(text, start, end + suffix.length);
  }
  return text;
}

/** Spelled-out numbers too ("Seven animals"). */
export function flagNumberWords(draft: string, known: Set<string>, flag: Flag, nouns?: NumberNouns): string {
  let text = draft;
  for (const match of draft.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    const value = NUMBER_WORDS.get(word);
    if (value === undefined || TOO_VAGUE.includes(word)) continue;
    const end = match.index + match[0].length;
    const noun = nounRightAfter(text, end);
    const next = noun === null ? [] : nounsAfter(text, end, 2).slice(1);
    if (!known.has(valueKey(value)) || !countsTheSame([valueKey(value)], noun, nouns, next))
      flag(match.index, 'number', match[0]);
    text = mask(text, match.index, match.index + match[0].length);
  }
  return text;
}
