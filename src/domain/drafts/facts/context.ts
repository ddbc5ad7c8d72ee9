import { MASK } from './mask.js';

/*
 * A figure means something only with what it counts: "27 states", "2% milk". A draft reusing a
 * digit of the release for a new claim ("two people" from "2%") or a year for another event
 * ("founded in 2020" when 2020 is the results year) is caught by comparing the words around it.
 */

const STOP = new Set(
  'the and for with from that this than per into over under about after before more less of to in on at by or as is are was were will be its their our his her new also about some such each other same'.split(
    ' ',
  ),
);

/** Crude stem, enough to match "rovers" with "rover" and "hospitalised" with "hospitalized". */
// Both sides NFC, casefolded the same way: the release is read normalised, the draft as written.
export const stem = (word: string): string =>
  word
    .normalize('NFC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .replace(/(?:ies|es|s)$/u, '')
    .slice(0, 5);

const isContent = (word: string): boolean => {
  const plain = word.normalize('NFC');
  return plain.length >= 3 && !STOP.has(plain.toLowerCase());
};

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/** Stems of the content words in the next `count` words after `end`. */
export function nounsAfter(text: string, end: number, count: number): string[] {
  const after = text.slice(end, end + 80);
  const words = after.match(WORD) ?? [];
  return words.slice(0, count).filter(isContent).map(stem);
}

/** The word right after a figure on the same line, when it is a content word ("27 states"). */
export function nounRightAfter(text: string, end: number): string | null {
  const match = /^[ \u00a0]+([\p{L}][\p{L}\p{M}'’-]*)/u.exec(text.slice(end));
  const word = match?.[1];
  return word && isContent(word) ? stem(word) : null;
}

/** Stems of content words within `radius` words either side, on the same line when `sameLine`. */
export function contextOf(
  text: string,
  start: number,
  end: number,
  radius: number,
  sameLine: boolean,
): Set<string> {
  const reach = radius * 15;
  // Within one sentence: its end, a line break in the draft or something already read (masked).
  const edge = sameLine ? new RegExp(`[.!?](?=\\s)|[\\n${MASK}]`, 'u') : /[.!?](?=\s)|\n\s*\n/u;
  const before =
    text
      .slice(Math.max(0, start - reach), start)
      .split(edge)
      .pop() ?? '';
  const after = text.slice(end, end + reach).split(edge)[0] ?? '';
  const words = [...(before.match(WORD) ?? []).slice(-radius), ...(after.match(WORD) ?? []).slice(0, radius)];
  return new Set(words.filter(isContent).map(stem));
}
