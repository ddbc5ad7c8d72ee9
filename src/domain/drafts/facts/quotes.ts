import type { Flag } from './flag.js';
import { mask } from './mask.js';
import { normaliseForMatch } from './normalise.js';

interface Span {
  start: number;
  end: number;
}

const OPENING = new Set(['“', '„', '«', '"', '＂']);
const CLOSING = new Set(['”', '»', '"', '＂']);

/** Quoted spans on one line; an unclosed quote (say, cut off by shortening) is not a quote. */
function findQuotes(text: string): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\n') {
      open = null;
    } else if (open !== null && CLOSING.has(char)) {
      spans.push({ start: open, end: i + 1 });
      open = null;
    } else if (OPENING.has(char) || CLOSING.has(char)) {
      open = i;
    }
  }
  return spans;
}

/*
 * Single quotes, told apart from apostrophes: one opens before a word ("‘This" or " 'This") and
 * closes after one, not inside it, so "NASA’s" and "don't" never open or close anything.
 */
function findSingleQuotes(text: string): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (char === '\n') {
      open = null;
    } else if (char === '‘' || (char === "'" && /[\s([“"]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) {
      open = i;
    } else if (
      open !== null &&
      (char === '’' || char === "'") &&
      /\S/u.test(before) &&
      !/[\p{L}\p{N}]/u.test(after)
    ) {
      spans.push({ start: open, end: i + 1 });
      open = null;
    }
  }
  return spans;
}

const EDGE_PUNCTUATION = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

function quoteSupported(inner: string, releaseText: string): boolean {
  // A quote shortened with "…" is faithful if every piece of it is.
  return (
    normaliseForMatch(inner)
      // Instagram's "(link in bio)" stands where a link in the quote was.
      .split(/\.\.\.|\(link in bio\)/)
      .map((fragment) => fragment.replace(EDGE_PUNCTUATION, ''))
      .filter((fragment) => /[\p{L}\p{N}]/u.test(fragment))
      .every((fragment) => releaseText.includes(fragment))
  );
}

/**
 * Quotes are found in the masked draft, so quote marks inside links do not count, but read from
 * the draft itself, since a quoted link is still part of the quote.
 */
export function flagQuotes(draft: string, masked: string, releaseText: string, flag: Flag): string {
  let text = masked;
  const quotes = findQuotes(text);
  const singles = findSingleQuotes(text).filter((single) =>
    quotes.every((quote) => single.end <= quote.start || single.start >= quote.end),
  );
  for (const quote of [...quotes, ...singles]) {
    const inner = draft.slice(quote.start + 1, quote.end - 1);
    if (!quoteSupported(inner, releaseText)) flag(quote.start, 'quote', inner.trim());
    text = mask(text, quote.start, quote.end);
  }
  return text;
}
