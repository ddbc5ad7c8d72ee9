const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'mt',
  'ft',
  'prof',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'capt',
  'sgt',
  'vs',
]);

export interface Word {
  start: number;
  end: number;
  /** Without a possessive: "NASA" for "NASA's". */
  text: string;
  /** As written, possessive kept: inside a name it must match as is ("NASA's Goddard …"). */
  written: string;
  endsSentence: boolean;
}

export function words(text: string): Word[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-&]*/gu), (match) => {
    let word = match[0];
    let endsSentence = false;
    if (word.endsWith('.')) {
      const bare = word.replace(/\.+$/, '');
      // "U.S." and "Dr." keep their full stop; any other word ending in one ends the sentence.
      if (!/^(?:\p{L}\.)*\p{L}$/u.test(bare) && !ABBREVIATIONS.has(bare.toLowerCase())) {
        word = bare;
        endsSentence = true;
      }
    }
    const written = word;
    const text = written.replace(/['’]s$/u, '').replace(/['’\-&]+$/u, '');
    return { start: match.index, end: match.index + match[0].length, text, written, endsSentence };
  });
}

/** True when nothing but punctuation, emoji or handled material stands between the word and a sentence start. */
export function startsSentence(text: string, position: number): boolean {
  for (let i = position - 1; i >= 0; i--) {
    const char = text[i] ?? '';
    if (/[.!?…:;\n]/.test(char)) return true;
    if (/[\p{L}\p{N}]/u.test(char)) return false;
  }
  return true;
}

export const isCapitalised = (word: string): boolean => /^[\p{Lu}\p{Lt}]/u.test(word);
const isAcronym = (word: string): boolean =>
  (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(word);
// "SpaceX" or "iPhone" is a name even at the start of a sentence; "Today" is not.
export const looksLikeName = (word: string): boolean =>
  isAcronym(word) || /.\p{Lu}/u.test(word.replace(/^(?:\p{L}\.)+/u, ''));
