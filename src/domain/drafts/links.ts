import twitter from 'twitter-text';
import {
  graphemeBoundariesFrom,
  graphemeEdges,
  isSpace,
  knownBoundary,
  splitGraphemes,
  sureBoundary,
  trimEndGraphemes,
  trimmedEnd,
} from '../text/graphemes.js';
import { hashtagSpans } from './networks.js';

// Links, link labels, "Link in bio." and hashtags: the trailing part of a post that shortening keeps.

/** A half-open range of UTF-16 positions in a string. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Links as X finds them, bare domains included ("nasa.gov"): the widest notion any network
 * uses, so nothing one of them would link is ever cut in two.
 */
export function urlSpans(text: string): Span[] {
  return twitter.extractUrlsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end }));
}

const LINK_IN_BIO = 'Link in bio.';

const LABEL_BEFORE_LINK =
  /(?<![\p{L}])(?:(?:read|learn|find out|see) more|more|details|full (?:release|story)|link)\s*[:：]?\s*(?:👉|→|->)?\s*$/iu;
const LINK_IN_BIO_AT_END = /link in bio\.?\s*$/iu;

// What may follow a label before its link; a label itself ends in a letter and is at most 13 long.
const LABEL_TRAIL = new Set([':', '：', '-', '>', '→', '\ud83d', '\udc49']);

/**
 * Where LABEL_BEFORE_LINK matches in text.slice(0, end), or -1. Any match ends in a letter just
 * before the trailing run of spaces, colons and arrows, so a short window before that run holds
 * it, with room for the code point its lookbehind reads.
 */
function labelIndex(text: string, end: number): number {
  let trail = end;
  while (trail > 0 && (isSpace(text.charCodeAt(trail - 1)) || LABEL_TRAIL.has(text.charAt(trail - 1)))) {
    trail--;
  }
  const from = Math.max(0, trail - 24);
  const match = LABEL_BEFORE_LINK.exec(text.slice(from, end));
  return match ? from + match.index : -1;
}

/** Where LINK_IN_BIO_AT_END matches in text.slice(0, end), or -1: within 12 of the trailing spaces. */
function bioIndex(text: string, end: number): number {
  let trail = end;
  while (trail > 0 && isSpace(text.charCodeAt(trail - 1))) trail--;
  const from = Math.max(0, trail - 12);
  const match = LINK_IN_BIO_AT_END.exec(text.slice(from, end));
  return match ? from + match.index : -1;
}

const TOKEN_PUNCTUATION = new Set('.,;!?)');

/**
 * Splits off the trailing links, hashtags and "Link in bio." (with a "Read more:" before a link),
 * which readers expect at the end and which survive shortening when there is room.
 */
export function splitTail(text: string): { body: string; separator: string; tail: string } {
  const entities = new Set<string>();
  for (const span of [...urlSpans(text), ...hashtagSpans(text)]) entities.add(`${span.start}:${span.end}`);
  const edges = graphemeEdges(text);
  // trimEndGraphemes(text.slice(0, at)).length
  const trimmedTo = (at: number): number =>
    trimmedEnd(text, at, (position) => knownBoundary(edges, position, at));
  let end = trimmedTo(text.length);
  let tailStart = end;
  let tookSomething = false;
  for (;;) {
    // before = text.slice(0, beforeEnd); its last token is the trailing run of non-spaces.
    const beforeEnd = trimmedTo(end);
    if (beforeEnd === 0 || isSpace(text.charCodeAt(beforeEnd - 1))) break;
    let tokenStart = beforeEnd;
    while (tokenStart > 0 && !isSpace(text.charCodeAt(tokenStart - 1))) tokenStart--;
    let coreEnd = beforeEnd;
    while (coreEnd > tokenStart && TOKEN_PUNCTUATION.has(text.charAt(coreEnd - 1))) coreEnd--;
    if (entities.has(`${tokenStart}:${coreEnd}`)) {
      end = tokenStart;
    } else {
      const bio = bioIndex(text, beforeEnd);
      const label = bio === -1 && tookSomething ? labelIndex(text, beforeEnd) : -1;
      if (bio !== -1) {
        end = bio;
      } else if (label !== -1 && text.slice(label, beforeEnd).trim() !== '') {
        end = label;
      } else {
        break;
      }
    }
    tailStart = end;
    tookSomething = true;
  }
  if (!tookSomething) return { body: text, separator: '', tail: '' };
  const body = text.slice(0, trimmedTo(tailStart));
  const tail = trimEndGraphemes(text.slice(tailStart).replace(/^\s+/u, ''));
  const separator = body === '' ? '' : /\n/.test(text.slice(body.length, tailStart)) ? '\n\n' : ' ';
  return { body, separator, tail };
}

// Spaces are dropped or merged only where they stand alone: " \u0301" or "\u0600 " is one grapheme.
function tidyLine(line: string): string {
  const all = splitGraphemes(line);
  const blank = (part: string | undefined) => part !== undefined && /^[ \t]+$/.test(part);
  let first = 0;
  let last = all.length;
  while (first < last && blank(all[first])) first++;
  while (last > first && blank(all[last - 1])) last--;
  const parts = all.slice(first, last);
  return parts.filter((part, i) => !(blank(part) && blank(parts[i - 1]))).join('');
}

export const tidyLines = (text: string): string =>
  text
    .split('\n')
    .map(tidyLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');

/** The tail without its hashtags: a link matters more than tags when room is short. */
export const linksOnly = (tail: string): string => {
  const tags = hashtagSpans(tail);
  const inOrder = tags.every((span, i) => span.start <= span.end && span.start >= (tags[i - 1]?.end ?? 0));
  if (inOrder) {
    // The same as cutting them out from the last one back, in one pass.
    const pieces: string[] = [];
    let from = 0;
    for (const span of tags) {
      pieces.push(tail.slice(from, span.start));
      from = span.end;
    }
    pieces.push(tail.slice(from));
    return tidyLines(pieces.join(''));
  }
  let out = tail;
  for (const span of [...tags].reverse()) out = out.slice(0, span.start) + out.slice(span.end);
  return tidyLines(out);
};

/**
 * Widens a span to whole graphemes, so removing it never leaves half of one ("\u0600" + "https://…").
 * `from` is a grapheme boundary of `text` at or before span.start.
 */
function snap(text: string, span: Span, from: number): Span {
  if (sureBoundary(text, span.start) && sureBoundary(text, span.end))
    return { start: span.start, end: span.end };
  let start = from;
  for (const at of graphemeBoundariesFrom(text, from)) {
    if (at <= span.start) start = at;
    if (at >= span.end) return { start, end: at };
  }
  return { start, end: span.end };
}

/**
 * Cuts the spans (snapped to whole graphemes) out of text, last first. `edges` are the grapheme
 * boundaries of `text` when known; `out` differs from `text` only from `changed` on, so each span
 * is snapped by segmenting `out` from a boundary of `text` that is also one of `out`.
 */
export function removeSpans(text: string, spans: readonly Span[], edges = graphemeEdges(text)): string {
  let out = text;
  let changed = text.length;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const { start, end } = snap(out, span, knownBoundary(edges, span.start, changed));
    out = out.slice(0, start) + out.slice(end);
    changed = Math.min(changed, start);
  }
  return out;
}

/**
 * Whether removeSpans(after, hashtagSpans(after)) keeps a letter or digit. A hashtag starts with
 * its hash sign and holds no space, and snapping it to whole graphemes never reaches an ASCII
 * letter or digit in another space-separated token, so such a token without a hash sign settles it.
 */
function wordsOutsideHashtags(after: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(after)) return false;
  if (!/[#＃]/.test(after)) return true;
  let at = 0;
  while (at < after.length) {
    while (at < after.length && isSpace(after.charCodeAt(at))) at++;
    let hash = false;
    let ascii = false;
    for (; at < after.length && !isSpace(after.charCodeAt(at)); at++) {
      const code = after.charCodeAt(at);
      if (code === 0x23 || code === 0xff03) hash = true;
      else if (/[A-Za-z0-9]/.test(after.charAt(at))) ascii = true;
    }
    if (ascii && !hash) return true;
  }
  return /[\p{L}\p{N}]/u.test(removeSpans(after, hashtagSpans(after)));
}

/**
 * Instagram does not link URLs in captions, so links go to the bio. A link in the middle of a
 * sentence becomes "(link in bio)" where it stood, since dropping it would run the words on
 * either side together; links at the end of a line go, and one "Link in bio." line replaces them.
 */
function moveLinksOnce(text: string): string {
  const links = urlSpans(text).filter((span) =>
    /^(?:https?:\/\/|www\.)|\//i.test(text.slice(span.start, span.end)),
  );
  if (links.length === 0) return text;
  // `out` equals `text` before `changed`; boundaries of `text` there are boundaries of `out`.
  const edges = graphemeEdges(text);
  let out = text;
  let changed = text.length;
  let removedAny = false;
  for (const span of [...links].reverse()) {
    const lineStart = out.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = out.indexOf('\n', span.end) === -1 ? out.length : out.indexOf('\n', span.end);
    const before = out.slice(lineStart, span.start);
    const after = out.slice(span.end, lineEnd);
    const label = labelIndex(before, before.length);
    const midSentence =
      /[\p{L}\p{N}]/u.test(label === -1 ? before : before.slice(0, label)) && wordsOutsideHashtags(after);
    if (midSentence) {
      const { start, end } = snap(out, span, knownBoundary(edges, span.start, changed));
      out = `${out.slice(0, start)}(link in bio)${out.slice(end)}`;
      changed = Math.min(changed, start);
    } else {
      // "Read more:" means nothing once its link is gone.
      const labelStart = labelIndex(out, span.start);
      const cut = { start: labelStart === -1 ? span.start : labelStart, end: span.end };
      const { start, end } = snap(out, cut, knownBoundary(edges, cut.start, changed));
      out = out.slice(0, start) + out.slice(end);
      changed = Math.min(changed, start);
      removedAny = true;
    }
  }
  const cleaned = tidyLines(out);
  if (!removedAny || /link in bio\./i.test(cleaned)) return cleaned;
  const { body, tail } = splitTail(cleaned);
  if (tail === '') return cleaned === '' ? LINK_IN_BIO : `${cleaned}\n\n${LINK_IN_BIO}`;
  return body === '' ? `${LINK_IN_BIO}\n\n${tail}` : `${body}\n\n${LINK_IN_BIO}\n\n${tail}`;
}

/** Passes are few: each removes at least one link, and removals rarely expose another. */
const MAX_LINK_PASSES = 8;

/**
 * Instagram shows no link to tap: each goes to "Link in bio.". Taking a link out can join what
 * stood around it into a new one ("example.orgNASA‍www.example.org"), so it runs until none is left.
 */
export function moveLinksToBio(text: string): string {
  let out = text;
  for (let pass = 0; pass < MAX_LINK_PASSES; pass++) {
    const next = moveLinksOnce(out);
    if (next === out) return out;
    out = next;
  }
  return out;
}

export function dropExtraHashtags(text: string, max: number): { text: string; count: number } {
  const tags = hashtagSpans(text);
  if (tags.length <= max) return { text, count: tags.length };
  // tidyLines takes up the spaces the dropped tags stood between.
  return { text: tidyLines(removeSpans(text, tags.slice(max))), count: tags.length };
}

export const join = (body: string, separator: string, tail: string): string =>
  tail === '' ? body : body === '' ? tail : `${body}${separator || '\n\n'}${tail}`;
