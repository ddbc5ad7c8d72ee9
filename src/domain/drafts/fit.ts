import twitter from 'twitter-text';
import { countGraphemes, hashtagSpans, measure, NETWORK_RULES } from './networks.js';
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

const strictlyInside = (spans: readonly Span[], position: number): boolean =>
  spans.some((span) => position > span.start && position < span.end);

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

const graphemeList = (text: string): string[] =>
  Array.from(graphemeSegmenter.segment(text), ({ segment }) => segment);

function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([text.length]);
  for (const { index } of graphemeSegmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

/**
 * trimEnd that never splits a grapheme: a Prepend character glued to a trailing space is one
 * grapheme, and String#trimEnd would leave half of it behind.
 */
export function trimEndGraphemes(text: string): string {
  const parts = graphemeList(text);
  while (parts.length > 0 && /^\s+$/u.test(parts[parts.length - 1] ?? '')) parts.pop();
  return parts.join('');
}

const ELLIPSIS = '…';
const LINK_IN_BIO = 'Link in bio.';

/** Where the text may be cut: inside neither a grapheme nor a link. */
function safeCuts(text: string, candidates: Iterable<number>): number[] {
  const graphemeEdges = graphemeBoundaries(text);
  const links = urlSpans(text);
  const cuts = new Set<number>();
  for (const at of candidates) {
    if (at > 0 && at <= text.length && graphemeEdges.has(at) && !strictlyInside(links, at)) cuts.add(at);
  }
  return [...cuts].sort((a, b) => a - b);
}

const sentenceEnds = (text: string): number[] =>
  safeCuts(
    text,
    Array.from(sentenceSegmenter.segment(text), ({ index, segment }) => index + segment.length),
  );

// "$2.5 million" cut after "$2.5" would state a different amount; cut before the number instead.
const splitsQuantity = (text: string, at: number): boolean =>
  /\d[\s\u00a0]*$/.test(text.slice(0, at)) && /^[\s\u00a0]*[\p{L}%]/u.test(text.slice(at));

const wordEdges = (text: string): number[] =>
  safeCuts(
    text,
    Array.from(wordSegmenter.segment(text), ({ index }) => index).filter((at) => !splitsQuantity(text, at)),
  );

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

const TRAILING_JOINERS = /[\s,;:.\-–—([{/\\"“'‘«]+$/u;

/** Ends a cut-off fragment with "…", without letting the "…" fuse with what precedes it. */
function withEllipsis(fragment: string): string | null {
  let kept = trimEndGraphemes(fragment);
  const stripped = kept.replace(TRAILING_JOINERS, '');
  if (stripped !== kept && graphemeBoundaries(kept).has(stripped.length)) kept = stripped;
  while (kept !== '') {
    if (countGraphemes(kept + ELLIPSIS) === countGraphemes(kept) + 1) return kept + ELLIPSIS;
    kept = graphemeList(kept).slice(0, -1).join('');
  }
  return null;
}

const LABEL_BEFORE_LINK =
  /(?<![\p{L}])(?:(?:read|learn|find out|see) more|more|details|full (?:release|story)|link)\s*[:：]?\s*(?:👉|→|->)?\s*$/iu;
const LINK_IN_BIO_AT_END = /link in bio\.?\s*$/iu;

/**
 * Splits off the trailing links, hashtags and "Link in bio." (with a "Read more:" before a link),
 * which readers expect at the end and which survive shortening when there is room.
 */
function splitTail(text: string): { body: string; separator: string; tail: string } {
  const links = urlSpans(text);
  const tags = hashtagSpans(text);
  let end = trimEndGraphemes(text).length;
  let tailStart = end;
  let tookSomething = false;
  for (;;) {
    const before = trimEndGraphemes(text.slice(0, end));
    const token = /\S+$/u.exec(before);
    if (!token) break;
    const tokenStart = token.index;
    const core = before.slice(tokenStart).replace(/[.,;!?)]+$/u, '');
    const coreEnd = tokenStart + core.length;
    const isEntity = [...links, ...tags].some((span) => span.start === tokenStart && span.end === coreEnd);
    const bio = LINK_IN_BIO_AT_END.exec(before);
    const label = tookSomething ? LABEL_BEFORE_LINK.exec(before) : null;
    if (isEntity) {
      end = tokenStart;
    } else if (bio) {
      end = bio.index;
    } else if (label && label[0].trim() !== '') {
      end = label.index;
    } else {
      break;
    }
    tailStart = end;
    tookSomething = true;
  }
  if (!tookSomething) return { body: text, separator: '', tail: '' };
  const body = trimEndGraphemes(text.slice(0, tailStart));
  const tail = trimEndGraphemes(text.slice(tailStart).replace(/^\s+/u, ''));
  const separator = body === '' ? '' : /\n/.test(text.slice(body.length, tailStart)) ? '\n\n' : ' ';
  return { body, separator, tail };
}

// Spaces are dropped or merged only where they stand alone: " \u0301" or "\u0600 " is one grapheme.
function tidyLine(line: string): string {
  const parts = graphemeList(line);
  const blank = (part: string | undefined) => part !== undefined && /^[ \t]+$/.test(part);
  while (blank(parts[0])) parts.shift();
  while (blank(parts[parts.length - 1])) parts.pop();
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
  let out = tail;
  for (const span of [...tags].reverse()) out = out.slice(0, span.start) + out.slice(span.end);
  return tidyLines(out);
};

/** Widens a span to whole graphemes, so removing it never leaves half of one ("\u0600" + "https://…"). */
function snap(text: string, span: Span): Span {
  const edges = graphemeBoundaries(text);
  let { start, end } = span;
  while (start > 0 && !edges.has(start)) start--;
  while (end < text.length && !edges.has(end)) end++;
  return { start, end };
}

function removeSpans(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const { start, end } = snap(out, span);
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
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
  let out = text;
  let removedAny = false;
  for (const span of [...links].reverse()) {
    const lineStart = out.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = out.indexOf('\n', span.end) === -1 ? out.length : out.indexOf('\n', span.end);
    const before = out.slice(lineStart, span.start);
    const after = out.slice(span.end, lineEnd);
    const midSentence =
      /[\p{L}\p{N}]/u.test(before.replace(LABEL_BEFORE_LINK, '')) &&
      /[\p{L}\p{N}]/u.test(removeSpans(after, hashtagSpans(after)));
    if (midSentence) {
      const { start, end } = snap(out, span);
      out = `${out.slice(0, start)}(link in bio)${out.slice(end)}`;
    } else {
      // "Read more:" means nothing once its link is gone.
      const start = LABEL_BEFORE_LINK.exec(out.slice(0, span.start))?.index ?? span.start;
      out = removeSpans(out, [{ start, end: span.end }]);
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
  if (body !== '') {
    const ends = sentenceEnds(body);
    for (const kept of tails) {
      const found = largestFitting(
        ends,
        (cut) => {
          const part = trimEndGraphemes(body.slice(0, cut));
          return part === '' ? null : join(part, separator, kept);
        },
        fits,
      );
      if (found !== null) return found;
    }
  }

  // Even the first sentence is too long: cut it between words and say so with "…".
  const source = body === '' ? text : body;
  const words = wordEdges(source);
  for (const kept of body === '' ? [''] : tails) {
    const found = largestFitting(
      words,
      (cut) => {
        const part = withEllipsis(source.slice(0, cut));
        return part === null ? null : join(part, separator, kept);
      },
      fits,
    );
    if (found !== null) return found;
  }

  // One unbroken run longer than the limit (no spaces, no word breaks): cut between graphemes.
  const characters = safeCuts(source, graphemeBoundaries(source));
  const found = largestFitting(characters, (cut) => withEllipsis(source.slice(0, cut)), fits);
  return found ?? tails.find((t) => t !== '') ?? '';
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
    current = shortenUntil(current, (candidate) => measure(network, candidate) <= rule.limit);
    flags.push({ kind: 'shortened', from, to: measure(network, current) });
  }
  return { text: current, flags };
}
