import { fold, isStopWord, stemWord } from './trend-words.js';

/**
 * Matching a trend against initiatives, so that a new trend can nudge the people whose work it
 * touches. Deliberately simple and explainable: the words of the trend's label and keywords are
 * normalised into terms, and an initiative matches when any term occurs in its title or keywords.
 *
 * Normalisation, the same on both sides:
 * - NFKC, then case folded (so "STRASSE" and "straße" agree), apostrophes and a possessive 's
 *   dropped ("Nike's" → nike), and everything that isn't a letter or digit is a word break, so
 *   `#hashtag` and `hashtag` are equal.
 * - Letters and digits split apart (`covid19` → covid 19).
 * - English plurals fold to the singular (`launches` → launch, `stories` → story,
 *   `influencers` → influencer), with a short table of exceptions (news, crisis, selfies…).
 *   Nothing else is stripped: `-ing` and `-ed` are left alone because here they mostly change
 *   the meaning ("marketing" is not "market", "evening" is not "even").
 *
 * Terms (what a trend is matched with), from its label and from each keyword:
 * - each word, except stop words, bare numbers (years and counts are everywhere) and words under
 *   three characters — unless the word is all there is of a hashtag, keyword or label (`#AI`);
 * - the words joined without spaces (`worldcup2026`), so a hashtag meets the same words written
 *   apart and vice versa: an initiative offers every run of up to five neighbouring words joined;
 * - the whole label or keyword as a phrase when it has two to five words (`world cup 2026`);
 *   a phrase matches only those words in that order.
 * camelCase splits on the trend side only (`#WorldCup2026` → phrase world cup 2026), and its
 * parts count only together: `#TikTokShop` gives tiktok and tiktokshop, never tok or shop, so a
 * brand name does not match every initiative that shares one of its syllables. Text typed all
 * in capitals or all in lower case never splits by case, so those two always agree.
 */

/** Phrases and joined forms span at most this many words; longer labels are sentences. */
const MAX_PHRASE_WORDS = 5;

const hasLetter = (text: string): boolean => /\p{L}/u.test(text);
const hasDigit = (text: string): boolean => /\p{N}/u.test(text);
const lengthOf = (text: string): number => [...text].length;

/** A run of letters, or of digits, as typed: `covid19` is two segments, `WorldCup` one. */
interface Segment {
  /** Its words, folded and stemmed: two for `WorldCup` on the trend side, else one. */
  words: string[];
  /** The words joined: what the segment reads as when case is ignored (`worldcup`). */
  form: string;
}

interface Chunk {
  segments: Segment[];
  /** Typed as `#something`. */
  hashtag: boolean;
}

const WORD_BREAK = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * Marks a camelCase boundary inside a segment. A private-use character: not a letter or digit,
 * so it separates the segment's words, and NFKC and case mapping leave it alone.
 */
const CASE_BREAK = '\uE000';
const SEGMENT_BREAK = /[^\p{L}\p{M}\p{N}\uE000]+/u;

function readSegment(text: string): Segment {
  const raw = text.split(WORD_BREAK).filter((word) => hasLetter(word) || hasDigit(word));
  // The joined form is stemmed once, as a whole: stemming the parts first made "NikesAd" (trend,
  // split at the capital) join as "nikead" while the same title, unsplit, reads "nikesad".
  return { words: raw.map(stemWord), form: stemWord(raw.join('')) };
}

/** One run of non-space text (a word as typed, a hashtag) split into segments. */
function readChunk(raw: string, splitCase: boolean): Chunk {
  // Apostrophes go before the camelCase split too: split first, "0'sA" read as a possessive
  // ("0's|A") on the trend's side but not on the initiative's, and never matched itself.
  let text = raw
    .replaceAll(CASE_BREAK, ' ')
    .replace(/['’ʼ]s(?![\p{L}\p{N}])/giu, '')
    .replace(/['’ʼ]/gu, '');
  if (splitCase) {
    // ASCII only, and before NFKC (which turns 𝓪 and ａ into a): "WorldCup" → World|Cup,
    // "AIRegulation" → AI|Regulation. Text typed all in capitals or all in lower case never
    // splits, so those two always agree.
    text = text
      .replace(/([a-z])(?=[A-Z])/g, `$1${CASE_BREAK}`)
      .replace(/([A-Z])(?=[A-Z][a-z])/g, `$1${CASE_BREAK}`);
  }
  // Folding before anything looks at letters and digits: a case mapping can turn a mark into a
  // letter (ͅ → Ι), and the same text typed in either case must split the same way.
  text = fold(text.normalize('NFKC'))
    // A possessive 's goes; other apostrophes join ("don't" → dont).
    .replace(/['’ʼ]s(?![\p{L}\p{N}])/giu, '')
    .replace(/['’ʼ]/gu, '')
    .replace(/(\p{L}\p{M}*)(?=\p{N})/gu, '$1 ')
    .replace(/(\p{N}\p{M}*)(?=\p{L})/gu, '$1 ');
  const segments = text
    .split(SEGMENT_BREAK)
    .map(readSegment)
    .filter((segment) => segment.words.length > 0);
  return { segments, hashtag: /^[#＃]/u.test(raw) };
}

function readText(text: string, splitCase: boolean): Chunk[] {
  return text
    .split(/\s+/u)
    .filter((raw) => raw !== '')
    .map((raw) => readChunk(raw, splitCase))
    .filter((chunk) => chunk.segments.length > 0);
}

const wordsOf = (chunks: readonly Chunk[]): string[] =>
  chunks.flatMap((chunk) => chunk.segments.flatMap((segment) => segment.words));

interface Term {
  /** As shown: phrases with spaces, joined forms without. */
  text: string;
  /** The words it is made of, in order. */
  parts: string[];
  phrase: boolean;
}

/** A single word is a term unless it is a stop word, a bare number, or short and not alone. */
function wordIsTerm(word: string, alone: boolean): boolean {
  if (isStopWord(word) || !hasLetter(word)) return false;
  const length = lengthOf(word);
  return length >= 3 || (alone && length >= 2);
}

/** Words typed as one (a hashtag, `q4`): a term unless a stop word, a bare number or tiny. */
const joinedIsTerm = (joined: string): boolean =>
  !isStopWord(joined) && hasLetter(joined) && (lengthOf(joined) >= 3 || hasDigit(joined));

/** Part of a camelCase word (`backto` in #BackToSchool) must not start or end with a stop word. */
function runIsTerm(parts: readonly string[], joined: string): boolean {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined || isStopWord(first) || isStopWord(last)) return false;
  return joinedIsTerm(joined);
}

const joinedTerm = (parts: string[]): Term => ({ text: stemWord(parts.join('')), parts, phrase: false });

/** Every run of two to five neighbouring words: "world cup 2026" → world cup, cup 2026, … */
function runsOf(words: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (let start = 0; start < words.length; start++) {
    for (let size = 2; size <= MAX_PHRASE_WORDS && start + size <= words.length; size++) {
      runs.push(words.slice(start, start + size));
    }
  }
  return runs;
}

function termsOfSource(source: string): Term[] {
  const chunks = readText(source, true);
  const words = wordsOf(chunks);
  const terms: Term[] = [];
  if (words.length >= 2 && words.length <= MAX_PHRASE_WORDS) {
    if (words.some((word) => wordIsTerm(word, false))) {
      terms.push({ text: words.join(' '), parts: words, phrase: true });
    }
    const whole = joinedTerm(words);
    if (joinedIsTerm(whole.text) && !words.every(isStopWord)) terms.push(whole);
  }
  for (const chunk of chunks) {
    const chunkWords = wordsOf([chunk]);
    if (chunkWords.length >= 2 && chunkWords.length <= MAX_PHRASE_WORDS) {
      const typedAsOne = joinedTerm(chunkWords);
      if (joinedIsTerm(typedAsOne.text) && !chunkWords.every(isStopWord)) terms.push(typedAsOne);
    }
    // Inside a camelCase word, the words it was written as: #TaylorSwiftErasTour → taylorswift.
    for (const segment of chunk.segments) {
      for (const run of runsOf(segment.words)) {
        const term = joinedTerm(run);
        if (runIsTerm(run, term.text)) terms.push(term);
      }
    }
  }
  const segmentCount = chunks.reduce((sum, chunk) => sum + chunk.segments.length, 0);
  for (const chunk of chunks) {
    const alone = segmentCount === 1 || (chunk.hashtag && chunk.segments.length === 1);
    for (const segment of chunk.segments) {
      if (wordIsTerm(segment.form, alone)) {
        terms.push({ text: segment.form, parts: segment.words, phrase: false });
      }
    }
  }
  return terms;
}

function termsOf(label: string, keywords: readonly string[]): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const source of [label, ...keywords]) {
    for (const term of termsOfSource(source)) {
      if (seen.has(term.text)) continue;
      seen.add(term.text);
      terms.push(term);
    }
  }
  return terms;
}

/**
 * The normalised terms a trend is matched with, most specific first for each of the label and
 * then each keyword: the phrase, the joined forms, then single words. Lowercase, non-empty,
 * without duplicates. `#WorldCup2026` gives `world cup 2026`, `worldcup2026` and `worldcup`;
 * `Product launches` gives `product launch`, `productlaunch`, `product` and `launch`.
 */
export function trendTerms(label: string, keywords: readonly string[]): string[] {
  return termsOf(label, keywords).map((term) => term.text);
}

/** What an initiative's title or one of its keywords offers to match against. */
interface Field {
  stems: string[];
  /** Every stem and every joined run of neighbouring stems. */
  forms: Set<string>;
}

function readField(text: string): Field {
  const stems = wordsOf(readText(text, false));
  const forms = new Set(stems);
  for (const run of runsOf(stems)) forms.add(stemWord(run.join('')));
  return { stems, forms };
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((part, i) => haystack[start + i] === part)) return true;
  }
  return false;
}

function termMatches(term: Term, fields: readonly Field[]): boolean {
  return fields.some((field) =>
    term.phrase ? containsRun(field.stems, term.parts) : field.forms.has(term.text),
  );
}

export interface TrendToMatch {
  label: string;
  keywords: readonly string[];
}

export interface InitiativeToMatch {
  id: string;
  title: string;
  keywords: readonly string[];
}

export interface TrendMatch {
  id: string;
  /** The trend terms found, most specific first; a term inside an earlier one is left out. */
  matched: string[];
}

/**
 * The initiatives a trend touches, in the order given, each with the terms that matched. An
 * initiative matches when any trend term occurs as a whole word (or joined words, or a phrase)
 * in its title or one of its keywords; see the notes at the top of this file.
 */
export function matchTrend(trend: TrendToMatch, initiatives: readonly InitiativeToMatch[]): TrendMatch[] {
  const terms = termsOf(trend.label, trend.keywords);
  if (terms.length === 0) return [];
  const results: TrendMatch[] = [];
  for (const initiative of initiatives) {
    const fields = [initiative.title, ...initiative.keywords].map(readField);
    const found: Term[] = [];
    for (const term of terms) {
      if (!termMatches(term, fields)) continue;
      // "world" adds nothing once "world cup 2026" has matched.
      if (found.some((earlier) => containsRun(earlier.parts, term.parts))) continue;
      found.push(term);
    }
    if (found.length > 0) results.push({ id: initiative.id, matched: found.map((term) => term.text) });
  }
  return results;
}
