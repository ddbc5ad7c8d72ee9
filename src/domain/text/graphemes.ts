// What a person sees as one character (an emoji family, a letter with its accents) is a grapheme
// cluster. Every count, cut and trim of user text goes through here, so no caller can split one.

// One segmenter per granularity for the whole process: each instance builds its own ICU break
// iterator. English rules rather than the host's locale, so no count depends on where Tandem runs.
const SEGMENTERS = {
  grapheme: new Intl.Segmenter('en', { granularity: 'grapheme' }),
  word: new Intl.Segmenter('en', { granularity: 'word' }),
  sentence: new Intl.Segmenter('en', { granularity: 'sentence' }),
};

/**
 * Word or sentence segments. Graphemes are not offered this way: over a long text, iterate
 * graphemeBoundariesFrom instead (see there why).
 */
export function segmentsOf(text: string, granularity: 'word' | 'sentence'): Intl.Segments {
  return SEGMENTERS[granularity].segment(text);
}

/** JavaScript's `\s`, one UTF-16 unit at a time (all such characters are in the BMP). */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export const isPrintableAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;

/** A grapheme boundary for certain: an end of the text, or between two printable ASCII characters. */
export const sureBoundary = (text: string, at: number): boolean =>
  at === 0 ||
  at === text.length ||
  (at > 0 &&
    at < text.length &&
    isPrintableAscii(text.charCodeAt(at - 1)) &&
    isPrintableAscii(text.charCodeAt(at)));

const WINDOW = 128;

/**
 * The grapheme boundaries of `text` from `from` (which must be one) on, ascending, ending with
 * text.length. Node 20's segment iterator costs time in proportion to the whole string at every
 * step, so the text is segmented in short stretches, each starting at a boundary already found.
 * Between two printable ASCII characters there is always a boundary (no rule of UAX #29 joins
 * them), so such runs need no segmenting and end a stretch exactly; otherwise a boundary at a
 * window's last code unit is not trusted (a low surrogate may follow).
 */
export function* graphemeBoundariesFrom(text: string, from = 0): Generator<number> {
  const segmenter = SEGMENTERS.grapheme;
  const length = text.length;
  let start = from;
  let width = WINDOW;
  while (start < length) {
    if (
      start + 1 < length &&
      isPrintableAscii(text.charCodeAt(start)) &&
      isPrintableAscii(text.charCodeAt(start + 1))
    ) {
      yield start;
      start++;
      continue;
    }
    const limit = Math.min(length, start + width);
    let sure = start + 2;
    while (
      sure < limit &&
      !(isPrintableAscii(text.charCodeAt(sure - 1)) && isPrintableAscii(text.charCodeAt(sure)))
    ) {
      sure++;
    }
    if (sure < limit || limit === length) {
      const to = sure < limit ? sure : length;
      for (const { index } of segmenter.segment(text.slice(start, to))) yield start + index;
      start = to;
      width = WINDOW;
      continue;
    }
    const found: number[] = [];
    for (const { index } of segmenter.segment(text.slice(start, limit))) found.push(start + index);
    let last = found.length - 1;
    while (last > 0 && (found[last] ?? 0) > limit - 2) last--;
    if (last === 0) {
      // One grapheme longer than the window: widen it.
      width *= 2;
      continue;
    }
    for (let i = 0; i < last; i++) yield found[i] ?? 0;
    start = found[last] ?? 0;
    width = WINDOW;
  }
  yield length;
}

/** What a person sees as characters: an emoji family or a letter with its accents counts once. */
export function countGraphemes(text: string): number {
  let count = -1;
  for (const _ of graphemeBoundariesFrom(text)) count++;
  return count;
}

/** countGraphemes(text) <= limit, counting only as far as the limit. */
export function hasAtMostGraphemes(text: string, limit: number): boolean {
  // A grapheme is at least one UTF-16 unit.
  if (text.length <= limit) return true;
  let count = -1;
  for (const _ of graphemeBoundariesFrom(text)) if (++count > limit) return false;
  return true;
}

export function splitGraphemes(text: string): string[] {
  const parts: string[] = [];
  let previous = 0;
  for (const at of graphemeBoundariesFrom(text)) {
    if (at > previous) parts.push(text.slice(previous, at));
    previous = at;
  }
  return parts;
}

/** edges[at] === 1 where `at` is a grapheme boundary of `text`. */
export function graphemeEdges(text: string): Uint8Array {
  const edges = new Uint8Array(text.length + 1);
  for (const at of graphemeBoundariesFrom(text)) edges[at] = 1;
  return edges;
}

// A boundary of a text at p ≤ end - 2 is one of text.slice(0, end) too, and segmenting may start at
// any boundary: the helpers below find boundaries of a prefix (or of an edited text) by segmenting
// near one position only, from a boundary already known.

/** The largest boundary in `edges` at or before `at` that is also one of any prefix at least `end` long. */
export function knownBoundary(edges: Uint8Array, at: number, end: number): number {
  let position = Math.min(at, end - 2);
  while (position > 0 && edges[position] !== 1) position--;
  return Math.max(position, 0);
}

/** The first grapheme boundary of `text` at or after `at`, segmenting from `from` (a boundary at or before it). */
export function boundaryFrom(text: string, from: number, at: number): number {
  for (const edge of graphemeBoundariesFrom(text, from)) if (edge >= at) return edge;
  return text.length;
}

/** The last grapheme boundary of `text` before `at`, segmenting from `from` (a boundary before it). */
export function boundaryBefore(text: string, from: number, at: number): number {
  let last = from;
  for (const edge of graphemeBoundariesFrom(text, from)) {
    if (edge >= at) break;
    last = edge;
  }
  return last;
}

/**
 * Where text.slice(0, end) ends once trimEndGraphemes has run on it: the trailing graphemes made
 * only of spaces go, which is the trailing run of spaces up to the boundary at or after its start.
 * `known(p)` is a grapheme boundary of that prefix at or before p.
 */
export function trimmedEnd(text: string, end: number, known: (at: number) => number): number {
  let spaces = end;
  while (spaces > 0 && isSpace(text.charCodeAt(spaces - 1))) spaces--;
  if (spaces === end || spaces === 0) return spaces;
  const prefix = end === text.length ? text : text.slice(0, end);
  return boundaryFrom(prefix, known(spaces - 2), spaces);
}

/**
 * trimEnd that never splits a grapheme: a Prepend character glued to a trailing space is one
 * grapheme, and String#trimEnd would leave half of it behind.
 */
export function trimEndGraphemes(text: string): string {
  return text.slice(
    0,
    trimmedEnd(text, text.length, () => 0),
  );
}

const utf16Units = (grapheme: string): number => grapheme.length;

/**
 * Where the longest run of whole graphemes from the start of `text` ends whose summed `size`
 * stays within `budget` (by default UTF-16 units, Slack's measure).
 */
export function graphemePrefixWithin(text: string, budget: number, size = utf16Units): number {
  let used = 0;
  let previous = 0;
  for (const at of graphemeBoundariesFrom(text)) {
    if (at === 0) continue;
    used += size(text.slice(previous, at));
    if (used > budget) break;
    previous = at;
  }
  return previous;
}

/** At most `max` UTF-16 units, cut between graphemes; a cut text ends in "…". */
export function clipGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, graphemePrefixWithin(text, max - 1))}…`;
}
