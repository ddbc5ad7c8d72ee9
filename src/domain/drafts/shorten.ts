import {
  boundaryBefore,
  boundaryFrom,
  graphemeBoundariesFrom,
  graphemeEdges,
  isSpace,
  knownBoundary,
  segmentsOf,
  trimmedEnd,
} from '../text/graphemes.js';
import { join, linksOnly, splitTail, urlSpans } from './links.js';

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
