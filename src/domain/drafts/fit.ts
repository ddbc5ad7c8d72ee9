import twitter from 'twitter-text';
import {
  boundaryBefore,
  boundaryFrom,
  graphemeBoundariesFrom,
  graphemeEdges,
  hasAtMostGraphemes,
  isSpace,
  knownBoundary,
  segmentsOf,
  splitGraphemes,
  sureBoundary,
  trimEndGraphemes,
  trimmedEnd,
} from '../text/graphemes.js';
import { hashtagSpans, measure, NETWORK_RULES } from './networks.js';
import type { DraftFlag, Network } from './types.js';

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

// Everything below works in time close to linear in the text: a post of 10,000 characters full of
// links or hashtags is fitted on the thread that acks Slack. Grapheme boundaries are found once per
// text (graphemeBoundariesFrom segments in short windows), or near one position only: a boundary
// of a text at p ≤ end - 2 is one of text.slice(0, end) too, and segmenting may start at any
// boundary. Regular expressions anchored at the end run on a bounded suffix.

/** Grapheme boundaries of the prefixes of one text, each found by segmenting near it only. */
class Prefixes {
  readonly edges: Uint8Array;

  constructor(readonly text: string) {
    this.edges = graphemeEdges(text);
  }

  /** A grapheme boundary at or before `at` of text.slice(0, end), whatever follows that prefix. */
  known(at: number, end: number): number {
    return knownBoundary(this.edges, at, end);
  }

  /** trimEndGraphemes(text.slice(0, end)).length */
  trimmedEnd(end: number): number {
    return trimmedEnd(this.text, end, (at) => this.known(at, end));
  }

  /** Whether `at` is a grapheme boundary of text.slice(0, end). */
  isBoundaryOfPrefix(end: number, at: number): boolean {
    if (at === 0 || at === end) return true;
    const prefix = this.text.slice(0, end);
    return boundaryFrom(prefix, this.known(at, end), at) === at;
  }

  /** Whether "…" after text.slice(0, end) is a grapheme of its own rather than part of the last one. */
  ellipsisStandsAlone(end: number): boolean {
    const withEllipsis = this.text.slice(0, end) + ELLIPSIS;
    return boundaryFrom(withEllipsis, this.known(end - 2, end), end) === end;
  }

  /** Where text.slice(0, end) ends without its last grapheme. */
  withoutLastGrapheme(end: number): number {
    return boundaryBefore(this.text.slice(0, end), this.known(end - 2, end), end);
  }
}

const ELLIPSIS = '…';
const LINK_IN_BIO = 'Link in bio.';

/** Where the text may be cut: inside neither a grapheme nor a link. */
function safeCuts(text: string, candidates: Iterable<number>, edges = graphemeEdges(text)): number[] {
  const insideLink = new Uint8Array(text.length + 1);
  for (const { start, end } of urlSpans(text)) {
    for (let at = Math.max(start + 1, 0); at < Math.min(end, text.length + 1); at++) insideLink[at] = 1;
  }
  const cuts = new Set<number>();
  for (const at of candidates) {
    if (at > 0 && at <= text.length && edges[at] === 1 && insideLink[at] !== 1) cuts.add(at);
  }
  return [...cuts].sort((a, b) => a - b);
}

const sentenceEnds = (text: string, edges: Uint8Array): number[] =>
  safeCuts(
    text,
    Array.from(segmentsOf(text, 'sentence'), ({ index, segment }) => index + segment.length),
    edges,
  );

// "$2.5 million" cut after "$2.5" would state a different amount; cut before the number instead:
// a digit, then only spaces up to the cut, then only spaces up to a letter or "%".
function quantitySplits(text: string): (at: number) => boolean {
  const lastNonSpace = new Int32Array(text.length + 1);
  let last = -1;
  for (let at = 0; at <= text.length; at++) {
    lastNonSpace[at] = last;
    if (at < text.length && !isSpace(text.charCodeAt(at))) last = at;
  }
  const nextNonSpace = new Int32Array(text.length + 1);
  let next = text.length;
  for (let at = text.length; at >= 0; at--) {
    if (at < text.length && !isSpace(text.charCodeAt(at))) next = at;
    nextNonSpace[at] = next;
  }
  return (at) => {
    const digit = text.charCodeAt(lastNonSpace[at] ?? -1);
    if (!(digit >= 0x30 && digit <= 0x39)) return false;
    const from = nextNonSpace[at] ?? text.length;
    return /^[\p{L}%]/u.test(text.slice(from, from + 2));
  };
}

/**
 * Where each word segment starts. Segmented in stretches (the iterator costs time in proportion to
 * the whole string at every step) cut where a space is followed by a printable ASCII character
 * other than a space: always a word boundary, and no rule of UAX #29 looks across that space, so
 * each stretch segments as it would within the whole text.
 */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let start = 0;
  while (start < text.length) {
    let to = Math.min(text.length, start + 256);
    while (to < text.length) {
      const code = text.charCodeAt(to);
      if (text.charCodeAt(to - 1) === 0x20 && code > 0x20 && code <= 0x7e) break;
      to++;
    }
    const stretch = start === 0 && to === text.length ? text : text.slice(start, to);
    for (const { index } of segmentsOf(stretch, 'word')) starts.push(start + index);
    start = to;
  }
  return starts;
}

function wordEdges(text: string, edges: Uint8Array): number[] {
  const splits = quantitySplits(text);
  return safeCuts(
    text,
    wordStarts(text).filter((at) => !splits(at)),
    edges,
  );
}

/** The largest cut whose candidate fits; binary search first, then a walk down, since X's weights are not quite monotonic. */
function largestFitting(
  cuts: readonly number[],
  build: (cut: number) => string | null,
  fits: (t: string) => boolean,
) {
  let low = 0;
  let high = cuts.length - 1;
  let guess = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = build(cuts[mid] ?? 0);
    if (candidate !== null && fits(candidate)) {
      guess = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  for (let i = Math.max(guess, 0); i >= 0; i--) {
    const candidate = build(cuts[i] ?? 0);
    if (candidate !== null && fits(candidate)) return candidate;
  }
  return null;
}

const TRAILING_JOINERS = new Set(',;:.-–—([{/\\"“\'‘«');

/** Ends source.text.slice(0, cut) with "…", without letting the "…" fuse with what precedes it. */
function withEllipsis(source: Prefixes, cut: number): string | null {
  const { text } = source;
  let kept = source.trimmedEnd(cut);
  let stripped = kept;
  while (
    stripped > 0 &&
    (isSpace(text.charCodeAt(stripped - 1)) || TRAILING_JOINERS.has(text.charAt(stripped - 1)))
  ) {
    stripped--;
  }
  if (stripped !== kept && source.isBoundaryOfPrefix(kept, stripped)) kept = stripped;
  while (kept > 0) {
    if (source.ellipsisStandsAlone(kept)) return text.slice(0, kept) + ELLIPSIS;
    kept = source.withoutLastGrapheme(kept);
  }
  return null;
}

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
function splitTail(text: string): { body: string; separator: string; tail: string } {
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

const tidyLines = (text: string): string =>
  text
    .split('\n')
    .map(tidyLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');

/** The tail without its hashtags: a link matters more than tags when room is short. */
const linksOnly = (tail: string): string => {
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
function removeSpans(text: string, spans: readonly Span[], edges = graphemeEdges(text)): string {
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
function moveLinksToBio(text: string): string {
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

function dropExtraHashtags(text: string, max: number): { text: string; count: number } {
  const tags = hashtagSpans(text);
  if (tags.length <= max) return { text, count: tags.length };
  // tidyLines takes up the spaces the dropped tags stood between.
  return { text: tidyLines(removeSpans(text, tags.slice(max))), count: tags.length };
}

const join = (body: string, separator: string, tail: string): string =>
  tail === '' ? body : body === '' ? tail : `${body}${separator || '\n\n'}${tail}`;

/**
 * Shortens text until `fits` accepts it: whole sentences go from the end (the trailing links and
 * hashtags stay while there is room), and only a first sentence too long on its own is cut
 * between words with "…". Exported for callers with their own budget, like LinkedIn's hook.
 */
export function shortenUntil(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const { body, separator, tail } = splitTail(text);
  const tails = [...new Set([tail, linksOnly(tail), ''])].filter((t) => t === '' || fits(t));

  // Whole sentences first, keeping as much of the tail as possible.
  const bodyPrefixes = body === '' ? null : new Prefixes(body);
  if (bodyPrefixes !== null) {
    const ends = sentenceEnds(body, bodyPrefixes.edges);
    for (const kept of tails) {
      const found = largestFitting(
        ends,
        (cut) => {
          const part = body.slice(0, bodyPrefixes.trimmedEnd(cut));
          return part === '' ? null : join(part, separator, kept);
        },
        fits,
      );
      if (found !== null) return found;
    }
  }

  // Even the first sentence is too long: cut it between words and say so with "…".
  const source = bodyPrefixes ?? new Prefixes(text);
  const words = wordEdges(source.text, source.edges);
  for (const kept of body === '' ? [''] : tails) {
    const found = largestFitting(
      words,
      (cut) => {
        const part = withEllipsis(source, cut);
        return part === null ? null : join(part, separator, kept);
      },
      fits,
    );
    if (found !== null) return found;
  }

  // One unbroken run longer than the limit (no spaces, no word breaks): cut between graphemes.
  const characters = safeCuts(source.text, graphemeBoundariesFrom(source.text), source.edges);
  const found = largestFitting(characters, (cut) => withEllipsis(source, cut), fits);
  return found ?? tails.find((t) => t !== '') ?? '';
}

/** measure(network, candidate) <= limit, counting graphemes only as far as the limit. */
function fitsWithin(network: Network, limit: number): (candidate: string) => boolean {
  if (network === 'x') return (candidate) => measure(network, candidate) <= limit;
  return (candidate) => hasAtMostGraphemes(candidate, limit);
}

/**
 * Makes a post obey the network's rules: Instagram links go to the bio and surplus hashtags are
 * dropped; anything too long loses whole sentences from the end, and only a first sentence that
 * cannot fit alone is cut mid-way. The result always fits; graphemes and links are never split.
 */
export function fitToNetwork(network: Network, text: string): { text: string; flags: DraftFlag[] } {
  const rule = NETWORK_RULES[network];
  const flags: DraftFlag[] = [];
  let current = text;

  if (!rule.linksClickable) current = moveLinksToBio(current);
  if (rule.maxHashtags !== null) {
    const capped = dropExtraHashtags(current, rule.maxHashtags);
    if (capped.count > rule.maxHashtags) {
      flags.push({ kind: 'too-many-hashtags', count: capped.count, max: rule.maxHashtags });
    }
    current = capped.text;
  }

  const from = measure(network, current);
  if (from > rule.limit) {
    current = shortenUntil(current, fitsWithin(network, rule.limit));
    flags.push({ kind: 'shortened', from, to: measure(network, current) });
  }
  return { text: current, flags };
}
