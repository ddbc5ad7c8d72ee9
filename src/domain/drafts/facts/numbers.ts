import { AMOUNT, amountValues, SCALE, scaledValues, valueKey } from './amounts.js';
import type { Flag } from './flag.js';
import { mask } from './mask.js';

const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
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
]);
// They are numbers in a release, but in a draft they mean too many other things.
const TOO_VAGUE = ['one', 'first', 'second', 'zero'];

const amountPattern = () => new RegExp(`(${AMOUNT})${SCALE}`, 'giu');

export function readNumbers(release: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of release.matchAll(amountPattern())) {
    for (const value of amountValues(match[1] ?? '')) numbers.add(valueKey(value));
    for (const value of scaledValues(match[1] ?? '', match[2])) numbers.add(value);
  }
  // Every run of digits on its own too: the draft may have lost what was around it ("@0,1" → "1").
  for (const match of release.matchAll(/\d+/g)) numbers.add(valueKey(Number(match[0])));
  for (const match of release.toLowerCase().matchAll(/\p{L}+/gu)) {
    const value = NUMBER_WORDS[match[0]];
    if (value !== undefined) numbers.add(valueKey(value));
  }
  return numbers;
}

export function flagNumbers(draft: string, known: Set<string>, flag: Flag): string {
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
    if (!values.some((value) => known.has(value))) {
      flag(start, 'number', `${prefix}${match[0]}${suffix}`.trim());
    }
    text = mask(text, start, end + suffix.length);
  }
  return text;
}

/** Spelled-out numbers too ("Seven animals"). */
export function flagNumberWords(draft: string, known: Set<string>, flag: Flag): string {
  let text = draft;
  for (const match of draft.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    const value = NUMBER_WORDS[word];
    if (value === undefined || TOO_VAGUE.includes(word)) continue;
    if (!known.has(valueKey(value))) flag(match.index, 'number', match[0]);
    text = mask(text, match.index, match.index + match[0].length);
  }
  return text;
}
