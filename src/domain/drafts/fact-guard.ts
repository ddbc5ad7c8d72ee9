import { flagDates } from './facts/dates.js';
import { flagDirections } from './facts/directions.js';
import type { Flag } from './facts/flag.js';
import { maskFurniture } from './facts/furniture.js';
import { mask } from './facts/mask.js';
import { findMoney, flagMoney } from './facts/money.js';
import { flagNames } from './facts/names.js';
import { normaliseForMatch } from './facts/normalise.js';
import { findPlainNumbers, flagNumbers, flagNumberWords } from './facts/numbers.js';
import { findPercentages, flagPercentages } from './facts/percentages.js';
import { flagQuotes } from './facts/quotes.js';
import { flagReferences } from './facts/references.js';
import { readSource } from './facts/source.js';
import { flagSpeakers } from './facts/speakers.js';
import type { FactKind } from './types.js';

/**
 * Flags claims in a draft that the release does not support. Both sides are parsed the same
 * way and compared by meaning ("$2.5 million" = "2.5 million dollars", "Nov. 5" = "November 5"),
 * because a reviewer learns to ignore a guard that cries wolf on faithful drafts.
 */

export { normaliseForMatch };

/** Money and percentages, then the bare numbers left once those are masked ("almost 3,000 rpm"). */
function figuresIn(text: string) {
  const figures = [...findMoney(text), ...findPercentages(text)];
  let rest = text;
  for (const figure of figures) rest = mask(rest, figure.start, figure.end);
  return [...figures, ...findPlainNumbers(rest)];
}

export interface UnsupportedFact {
  fact: FactKind;
  text: string;
}

/**
 * Each claim in the draft that the source does not contain, once, in the order it appears.
 * `source` is everything the draft may use: title, body, link and brand hashtags.
 */
export function checkFacts(source: string, draft: string): UnsupportedFact[] {
  const known = readSource(source);
  const flagged: Array<{ start: number; fact: FactKind; text: string }> = [];
  const flag: Flag = (start, fact, text) => {
    flagged.push({ start, fact, text });
  };

  flagReferences(draft, source, flag);
  // Each step masks what it has read, so the looser readings after it ("5" as a number, "May"
  // as a name) never see "$5" or "May 5" again: the order matters.
  let text = maskFurniture(draft);
  flagSpeakers(text, known.plain, flag);
  text = flagQuotes(draft, text, known.text, flag);
  flagDirections(text, figuresIn(text), known.plain, figuresIn(known.plain), flag);
  text = flagMoney(text, known.money, flag);
  text = flagPercentages(text, known.percentages, flag);
  text = flagDates(text, known, flag);
  text = flagNumbers(text, known.numbers, flag, known.numberNouns);
  text = flagNumberWords(text, known.numbers, flag, known.numberNouns);
  flagNames(text, known.text, flag);

  const seen = new Set<string>();
  return flagged
    .sort((a, b) => a.start - b.start)
    .filter(({ fact, text: claim }) => {
      const id = `${fact}:${normaliseForMatch(claim).replace(/\s+/g, '')}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map(({ fact, text: claim }) => ({ fact, text: claim }));
}

/** Each banned word or phrase the draft uses, once, as the brand wrote it. */
export function bannedWordsIn(draft: string, banned: readonly string[]): string[] {
  const text = normaliseForMatch(draft);
  return banned
    .map((word) => word.trim())
    .filter((word) => word !== '')
    .filter((word) => {
      const escaped = normaliseForMatch(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
    });
}
