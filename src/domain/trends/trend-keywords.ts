// The keywords of `/trend add`: where they start, how they are separated, and their limits.
import { quoteBack } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { slackTextToPlain } from '../commands/slack-refs.js';
import type { Token } from '../commands/tokenize.js';
import { TREND_USAGE } from './trend-usage.js';

export const MAX_TREND_KEYWORD_LENGTH = 50;
export const MAX_TREND_KEYWORDS = 20;

/** Plain text, one line: control characters and runs of spaces only ever come from pasting. */
export function cleanText(raw: string): string {
  return slackTextToPlain(raw)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lengths are counted in code points, as people count them, not UTF-16 units. */
export const lengthOf = (text: string): number => [...text].length;

/**
 * `keywords:`, `keyword:` or `kw:`, possibly with the first keyword glued on (`kw:football`).
 * The colon is required: notes are free text, and "keywords" without one is an ordinary word
 * there ("search keywords spiking"); a marker that needs a colon can never cut notes short.
 */
const KEYWORD_MARKER = /^(?:keywords?|kw):/i;

export const isKeywordMarker = (token: Token): boolean => !token.quoted && KEYWORD_MARKER.test(token.text);

// Commas separate keywords; so do semicolons and the full-width and ideographic commas.
const KEYWORD_SEPARATORS = /[,;，、]/;

/** Keywords are compared without a leading # (so #football and football are one keyword). */
const keywordKey = (keyword: string): string => keyword.replace(/^#+/, '');

/**
 * Reads what follows the first keyword marker. Quoted text is one literal piece; a later marker
 * just starts another keyword, so `kw: a kw: b` is the same as `kw: a, b`.
 */
export function readKeywords(tokens: readonly Token[]): Parsed<string[]> {
  const hint = TREND_USAGE.add;
  const entries: string[] = [];
  let current: string[] = [];
  const finish = (): void => {
    entries.push(current.join(' '));
    current = [];
  };
  for (const token of tokens) {
    if (token.quoted) {
      current.push(token.text);
      continue;
    }
    let text = token.text;
    const marker = KEYWORD_MARKER.exec(text);
    if (marker) {
      finish();
      text = text.slice(marker[0].length);
    }
    text.split(KEYWORD_SEPARATORS).forEach((piece, i) => {
      if (i > 0) finish();
      if (piece !== '') current.push(piece);
    });
  }
  finish();

  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const keyword = cleanText(entry).toLowerCase();
    // Punctuation alone ("#", "-") names nothing that could ever match.
    if (!/[\p{L}\p{N}]/u.test(keyword)) continue;
    if (lengthOf(keyword) > MAX_TREND_KEYWORD_LENGTH) {
      return fail(
        `The keyword "${quoteBack(keyword, 30)}" is ${lengthOf(keyword)} characters; keep each keyword to ${MAX_TREND_KEYWORD_LENGTH} and separate keywords with commas.`,
        hint,
      );
    }
    const key = keywordKey(keyword);
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  const marker = tokens[0]?.text.match(KEYWORD_MARKER)?.[0].toLowerCase() ?? 'keywords:';
  if (keywords.length === 0) {
    return fail(
      `"${marker}" needs at least one keyword after it, separated by commas, e.g. ${marker} football, soccer`,
      hint,
    );
  }
  if (keywords.length > MAX_TREND_KEYWORDS) {
    return fail(
      `That is ${keywords.length} keywords; give at most ${MAX_TREND_KEYWORDS}, the words people actually use for it.`,
      hint,
    );
  }
  return ok(keywords);
}
