import { fail, ok, type Parsed } from './result.js';

export interface Token {
  text: string;
  /** True when the text came from inside quotes: it is literal, never a keyword or an option. */
  quoted: boolean;
}

// Slack on macOS and iOS turns typed quotes into curly ones, and other keyboards use „…“ or ”…”.
// Accepting any double-quote character as the closer is more forgiving than insisting on pairs
// nobody chooses on purpose.
const DOUBLE_QUOTES = new Set(['"', '“', '”', '„']);
const DOUBLE_CLOSERS = new Set(['"', '“', '”']);
// ’ is also the curly apostrophe ("Bob’s launch"), so it only closes a ‘ quote at the end of a word.
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

const QUOTE_HINT = {
  usage: 'Wrap text that has spaces in one pair of double quotes: "Q4 launch"',
  example: '/initiative add "Q4 launch" campaign',
};

function unterminated(text: string, openedAt: number) {
  const after = text.slice(openedAt + 1).trim();
  const preview = after.length > 24 ? `${after.slice(0, 24)}…` : after;
  const where = preview === '' ? 'at the end' : `before "${preview}"`;
  return fail(`The quote ${where} is never closed — add the closing quote.`, QUOTE_HINT);
}

function findDoubleClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (DOUBLE_CLOSERS.has(text[i] ?? '')) return i;
  }
  return -1;
}

function findSingleClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === SINGLE_CLOSE && (i + 1 === text.length || isSpace(text[i + 1]))) return i;
  }
  return -1;
}

/**
 * Splits slash-command text into words, keeping quoted text together. Straight single quotes are
 * apostrophes (`it's`), not quotes. Slack's escaped references (`<@U123|ann smith>`) are always
 * one token of their own, even when glued to punctuation, so callers can recognise them.
 */
export function tokenize(typed: string): Parsed<Token[]> {
  // PostgreSQL text cannot hold NUL: a stray one would fail the query, not the parse.
  const text = typed.replaceAll('\u0000', '');
  const tokens: Token[] = [];
  // Looking ahead for '>' from every '<' would be quadratic on junk input; the last one suffices.
  const lastGt = text.lastIndexOf('>');
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch !== undefined && DOUBLE_QUOTES.has(ch)) {
      const close = findDoubleClose(text, i + 1);
      if (close === -1) return unterminated(text, i);
      tokens.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
      continue;
    }
    if (ch === SINGLE_OPEN) {
      const close = findSingleClose(text, i + 1);
      if (close === -1) return unterminated(text, i);
      tokens.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
      continue;
    }
    if (ch === '<' && lastGt > i) {
      // Slack escapes a literal < as &lt;, so a raw one always starts a reference.
      const close = text.indexOf('>', i + 1);
      tokens.push({ text: text.slice(i, close + 1), quoted: false });
      i = close + 1;
      continue;
    }
    const start = i;
    while (i < text.length && !isSpace(text[i])) {
      if (i > start && text[i] === '<' && lastGt > i) break;
      i++;
    }
    tokens.push({ text: text.slice(start, i), quoted: false });
  }
  return ok(tokens);
}

/** Puts free-text words (a reason, a date) back together the way people read them. */
export function joinTokens(tokens: readonly Token[]): string {
  return tokens.map((token) => token.text).join(' ');
}
