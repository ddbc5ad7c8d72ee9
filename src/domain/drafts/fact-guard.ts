import { urlSpans } from './fit.js';
import type { FactKind } from './types.js';

/**
 * Flags claims in a draft that the release does not support. Both sides are parsed the same
 * way and compared by meaning ("$2.5 million" = "2.5 million dollars", "Nov. 5" = "November 5"),
 * because a reviewer learns to ignore a guard that cries wolf on faithful drafts.
 */

export interface UnsupportedFact {
  fact: FactKind;
  text: string;
}

// Replaces what has been dealt with; not a letter, digit or space, so it also ends a name.
const MASK = '\u0001';
const mask = (text: string, start: number, end: number): string =>
  text.slice(0, start) + MASK.repeat(end - start) + text.slice(end);

/** The form both sides are compared in: case, quote styles, dashes and spacing do not matter. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/…/g, '...')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[“”„‟«»″〝〞＂]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .toLowerCase()
    .trim();
}

// ---------------------------------------------------------------- numbers

const AMOUNT = String.raw`\d+(?:[.,]\d+)*`;
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const SCALE = String.raw`(?:[ \u00a0]?(thousand|million|billion|trillion|bn|mn|tn|k|m|b)(?![\p{L}\p{M}\p{N}]))?`;

const key = (value: number): string => String(Number(value.toPrecision(12)));

/** Every value a written amount can mean: "1,200" is 1200; "1.200" may be 1.2 or (in Europe) 1200. */
function amountValues(written: string): number[] {
  const values = new Set<number>();
  if (/^\d+$/.test(written)) values.add(Number(written));
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(written)) values.add(Number(written.replace(/,/g, '')));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(written))
    values.add(Number(written.replace(/\./g, '').replace(',', '.')));
  if (/^\d+\.\d+$/.test(written)) values.add(Number(written));
  if (/^\d+,\d+$/.test(written)) values.add(Number(written.replace(',', '.')));
  if (values.size === 0) values.add(Number(written.replace(/[.,]/g, '')));
  return [...values].filter(Number.isFinite);
}

function scaledValues(written: string, scale: string | undefined): string[] {
  const multiplier = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  return amountValues(written).map((value) => key(value * multiplier));
}

const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, value) => [word, value] as const),
  ...'thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((word, i) => [word, 30 + 10 * i] as const),
  ['hundred', 100],
  ['thousand', 1000],
  ['dozen', 12],
  ['first', 1],
  ['second', 2],
  ['third', 3],
]);

// ---------------------------------------------------------------- money and percentages

const CURRENCY_BEFORE = String.raw`(US\$|USD|AU?\$|AUD|CA?\$|CAD|NZ\$|HK\$|S\$|R\$|\$|€|EUR|£|GBP|¥|JPY|₹|INR|Rs\.?|CHF|₩|₽)`;
const CURRENCY_AFTER = `(dollars?|euros?|pounds?(?: sterling)?|yen|rupees?|francs?|USD|EUR|GBP|JPY|CAD|AUD|INR|CHF|€|£)`;

const MONEY_AFTER = new RegExp(
  String.raw`(${AMOUNT})${SCALE}[ \u00a0]?${CURRENCY_AFTER}(?![\p{L}\p{M}\d])`,
  'giu',
);
// In a draft "AUD$5" is no amount in Australian dollars; the release is read leniently, since
// masking a hashtag in the draft can leave "#D$0" as "$0".
const MONEY_PATTERNS = {
  strict: [
    new RegExp(String.raw`(?<![\p{L}\p{N}])${CURRENCY_BEFORE}[ \u00a0]?(${AMOUNT})${SCALE}`, 'giu'),
    MONEY_AFTER,
  ],
  lenient: [new RegExp(String.raw`${CURRENCY_BEFORE}[ \u00a0]?(${AMOUNT})${SCALE}`, 'giu'), MONEY_AFTER],
};

/** Dollars of any country count as one family: a draft saying "$" for "US$" states nothing new. */
function currencyFamily(currency: string): string {
  const c = currency.toLowerCase();
  if (c.includes('$') || c.startsWith('dollar') || ['usd', 'cad', 'aud'].includes(c)) return 'dollar';
  if (c === '€' || c === 'eur' || c.startsWith('euro')) return 'euro';
  if (c === '£' || c === 'gbp' || c.startsWith('pound')) return 'pound';
  if (c === '¥' || c === 'jpy' || c === 'yen') return 'yen';
  if (c === '₹' || c === 'inr' || c.startsWith('rupee') || c.startsWith('rs')) return 'rupee';
  if (c === 'chf' || c.startsWith('franc')) return 'franc';
  return c;
}

interface Found {
  start: number;
  end: number;
  text: string;
  keys: string[];
}

function findMoney(text: string, reading: keyof typeof MONEY_PATTERNS = 'strict'): Found[] {
  const found: Found[] = [];
  const [before, after] = MONEY_PATTERNS[reading];
  for (const match of text.matchAll(before as RegExp)) {
    const [all, currency = '', amount = '', scale] = match;
    const family = currencyFamily(currency);
    found.push(
      foundAt(
        match.index,
        all,
        scaledValues(amount, scale).map((v) => `${family}:${v}`),
      ),
    );
  }
  for (const match of text.matchAll(after as RegExp)) {
    const [all, amount = '', scale, currency = ''] = match;
    const family = currencyFamily(currency);
    found.push(
      foundAt(
        match.index,
        all,
        scaledValues(amount, scale).map((v) => `${family}:${v}`),
      ),
    );
  }
  return withoutOverlaps(found);
}

const PERCENT = new RegExp(
  String.raw`(${AMOUNT})[ \u00a0]?(?:%|％|per[ \u00a0]?cent(?![\p{L}\p{M}])|pct(?![\p{L}\p{M}])|percentage points?(?![\p{L}\p{M}]))`,
  'giu',
);

function findPercentages(text: string): Found[] {
  return Array.from(text.matchAll(PERCENT), (match) =>
    foundAt(match.index, match[0], amountValues(match[1] ?? '').map(key)),
  );
}

const foundAt = (start: number, text: string, keys: string[]): Found => ({
  start,
  end: start + text.length,
  text: text.trim(),
  keys,
});

/** Keeps the earliest, longest match where two patterns claim the same words. */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const item of sorted) {
    const last = kept[kept.length - 1];
    if (last && item.start < last.end) continue;
    kept.push(item);
  }
  return kept;
}

// ---------------------------------------------------------------- dates

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Capitalised only: "may" and "march" are also ordinary words.
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![\p{L}\p{M}])`;
const WEEKDAY = String.raw`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\p{L}\p{M}])`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{M}\d]|[.,]\d)`;
const YEAR = String.raw`(\d{4})(?!\d|[.,]\d)`;

const monthNumber = (name: string): number =>
  MONTH_NAMES.findIndex((month) => month.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

interface DateClaim {
  start: number;
  end: number;
  text: string;
  month?: number;
  day?: number;
  year?: number;
  weekday?: string;
}

const DATE_PATTERNS: Array<{
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Omit<DateClaim, 'start' | 'end' | 'text'>;
}> = [
  {
    pattern: new RegExp(String.raw`(?<![\p{L}])${MONTH}[ \u00a0]+${DAY}(?:,?[ \u00a0]+${YEAR})?`, 'gu'),
    read: (m) => ({
      month: monthNumber(m[1] ?? ''),
      day: Number(m[2]),
      year: m[3] ? Number(m[3]) : undefined,
    }),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])${DAY}[ \u00a0]+(?:of[ \u00a0]+)?${MONTH}(?:,?[ \u00a0]+${YEAR})?`,
      'gu',
    ),
    read: (m) => ({
      day: Number(m[1]),
      month: monthNumber(m[2] ?? ''),
      year: m[3] ? Number(m[3]) : undefined,
    }),
  },
  {
    pattern: new RegExp(String.raw`(?<![\p{L}])${MONTH},?[ \u00a0]+${YEAR}`, 'gu'),
    read: (m) => ({ month: monthNumber(m[1] ?? ''), year: Number(m[2]) }),
  },
  {
    pattern: /(?<![\d.,])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: new RegExp(String.raw`(?<![\p{L}])${WEEKDAY}`, 'gu'),
    read: (m) => ({ weekday: (m[1] ?? '').toLowerCase() }),
  },
  {
    // A month on its own; abbreviations only with their full stop ("Mar." not "Mar").
    pattern:
      /(?<![\p{L}])(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)(?![\p{L}\p{M}])/gu,
    read: (m) => ({ month: monthNumber(m[1] ?? '') }),
  },
  {
    pattern: /(?<![\p{L}\d.,$€£¥-])(1[6-9]\d\d|20\d\d|21\d\d)(?![\d%]|[.,]\d)/gu,
    read: (m) => ({ year: Number(m[1]) }),
  },
];

function findDates(text: string): DateClaim[] {
  const found: DateClaim[] = [];
  let rest = text;
  for (const { pattern, read } of DATE_PATTERNS) {
    for (const match of rest.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      found.push({ start, end, text: match[0].trim(), ...read(match) });
      rest = mask(rest, start, end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- what the release says

interface SourceFacts {
  text: string;
  numbers: Set<string>;
  money: Set<string>;
  percentages: Set<string>;
  dayMonths: Set<string>;
  months: Set<number>;
  years: Set<number>;
  weekdays: Set<string>;
}

function readSource(source: string): SourceFacts {
  const plain = source.normalize('NFC');
  const numbers = new Set<string>();
  for (const match of plain.matchAll(new RegExp(`(${AMOUNT})${SCALE}`, 'giu'))) {
    for (const value of amountValues(match[1] ?? '')) numbers.add(key(value));
    for (const value of scaledValues(match[1] ?? '', match[2])) numbers.add(value);
  }
  // Every run of digits on its own too: the draft may have lost what was around it ("@0,1" → "1").
  for (const match of plain.matchAll(/\d+/g)) numbers.add(key(Number(match[0])));
  for (const match of plain.toLowerCase().matchAll(/\p{L}+/gu)) {
    const value = NUMBER_WORDS[match[0]];
    if (value !== undefined) numbers.add(key(value));
  }
  const facts: SourceFacts = {
    text: normaliseForMatch(source),
    numbers,
    money: new Set([...findMoney(plain), ...findMoney(plain, 'lenient')].flatMap((m) => m.keys)),
    percentages: new Set(findPercentages(plain).flatMap((p) => p.keys)),
    dayMonths: new Set(),
    months: new Set(),
    years: new Set(),
    weekdays: new Set(),
  };
  for (const date of findDates(plain)) {
    if (date.month && date.day) facts.dayMonths.add(`${date.month}-${date.day}`);
    if (date.month) facts.months.add(date.month);
    if (date.year) facts.years.add(date.year);
    if (date.weekday) facts.weekdays.add(date.weekday);
  }
  // Numeric dates are ambiguous (5/11 or 11/5): accept either reading.
  for (const match of plain.matchAll(/(?<!\d)(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?!\d)/g)) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    facts.dayMonths.add(`${a}-${b}`).add(`${b}-${a}`);
    facts.months.add(a).add(b);
  }
  for (const match of plain.matchAll(/\d{4}/g)) facts.years.add(Number(match[0]));
  return facts;
}

const dateSupported = (date: DateClaim, source: SourceFacts): boolean => {
  if (date.weekday) return source.weekdays.has(date.weekday);
  if (date.year !== undefined && !source.years.has(date.year)) return false;
  if (date.month && date.day) return source.dayMonths.has(`${date.month}-${date.day}`);
  if (date.month) return source.months.has(date.month);
  return true;
};

// ---------------------------------------------------------------- quotes

const OPENING = new Set(['“', '„', '«', '"', '＂']);
const CLOSING = new Set(['”', '»', '"', '＂']);

/** Quoted spans on one line; an unclosed quote (say, cut off by shortening) is not a quote. */
function findQuotes(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
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
function findSingleQuotes(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
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

function quoteSupported(inner: string, source: SourceFacts): boolean {
  // A quote shortened with "…" is faithful if every piece of it is.
  return (
    normaliseForMatch(inner)
      // Instagram's "(link in bio)" stands where a link in the quote was.
      .split(/\.\.\.|\(link in bio\)/)
      .map((fragment) => fragment.replace(EDGE_PUNCTUATION, ''))
      .filter((fragment) => /[\p{L}\p{N}]/u.test(fragment))
      .every((fragment) => source.text.includes(fragment))
  );
}

// ---------------------------------------------------------------- names

// Words the template drafter adds itself; never names, whatever their case.
const DRAFTER_WORDS = [
  'link in bio',
  'read more',
  'learn more',
  'find out more',
  'big news',
  'just announced',
  'announcement',
  'breaking',
  'details',
  'full release',
  'more',
  'update',
  'news',
];
const DRAFTER_WORDS_PATTERN = new RegExp(`(?<![\\p{L}])(?:${DRAFTER_WORDS.join('|')})(?![\\p{L}])`, 'giu');

const CONNECTORS = new Set([
  'of',
  'de',
  'da',
  'del',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
]);
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'mt',
  'ft',
  'prof',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'capt',
  'sgt',
  'vs',
]);

const isCapitalised = (word: string): boolean => /^[\p{Lu}\p{Lt}]/u.test(word);
// "SpaceX" or "iPhone" is a name even at the start of a sentence; "Today" is not.
const looksLikeName = (word: string): boolean =>
  isAcronym(word) || /.\p{Lu}/u.test(word.replace(/^(?:\p{L}\.)+/u, ''));
const isAcronym = (word: string): boolean =>
  (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(word);

interface Word {
  start: number;
  end: number;
  /** Without a possessive: "NASA" for "NASA's". */
  text: string;
  /** As written, possessive kept: inside a name it must match as is ("NASA's Goddard …"). */
  written: string;
  endsSentence: boolean;
}

function words(text: string): Word[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-&]*/gu), (match) => {
    let word = match[0];
    let endsSentence = false;
    if (word.endsWith('.')) {
      const bare = word.replace(/\.+$/, '');
      // "U.S." and "Dr." keep their full stop; any other word ending in one ends the sentence.
      if (!/^(?:\p{L}\.)*\p{L}$/u.test(bare) && !ABBREVIATIONS.has(bare.toLowerCase())) {
        word = bare;
        endsSentence = true;
      }
    }
    const written = word;
    const text = written.replace(/['’]s$/u, '').replace(/['’\-&]+$/u, '');
    return { start: match.index, end: match.index + match[0].length, text, written, endsSentence };
  });
}

/** True when nothing but punctuation, emoji or handled material stands between the word and a sentence start. */
function startsSentence(text: string, position: number): boolean {
  for (let i = position - 1; i >= 0; i--) {
    const char = text[i] ?? '';
    if (/[.!?…:;\n]/.test(char)) return true;
    if (/[\p{L}\p{N}]/u.test(char)) return false;
  }
  return true;
}

function nameSupported(parts: readonly string[], source: SourceFacts): boolean {
  // A closing full stop ("U.S.", "Inc.") may be followed by anything in the release.
  const escaped = parts.map((part, index) =>
    normaliseForMatch(index === parts.length - 1 ? part.replace(/\.+$/, '') : part).replace(
      /[.*+?^${}()|[\]\\]/g,
      '\\$&',
    ),
  );
  // Letters only: "Q4" in the release contains the name-like "Q".
  return new RegExp(`(?<!\\p{L})${escaped.join('\\s+')}(?![\\p{L}\\p{M}])`, 'u').test(source.text);
}

const lookupParts = (sequence: readonly Word[]): string[] =>
  sequence.map((word, index) => (index === sequence.length - 1 ? word.text : word.written));

// "Holloway said …": a lone word starting a sentence is a name when it is the one speaking.
const SPEAKS =
  /^[ \u00a0]+(?:said|says|told|tells|added|adds|explained|noted|stated|announced)(?![\p{L}\p{M}])/u;

function findNames(text: string, source: SourceFacts): Array<{ start: number; text: string }> {
  const all = words(text);
  const sequences: Word[][] = [];
  let current: Word[] = [];
  let pendingConnector: Word | null = null;
  const close = () => {
    if (current.length > 0) sequences.push(current);
    current = [];
    pendingConnector = null;
  };
  for (const word of all) {
    const previous = pendingConnector ?? current[current.length - 1];
    const adjacent = previous !== undefined && /^[ \u00a0]+$/.test(text.slice(previous.end, word.start));
    if (current.length > 0 && (!adjacent || previous?.endsSentence)) close();
    if (isCapitalised(word.text)) {
      if (pendingConnector) current.push(pendingConnector);
      pendingConnector = null;
      current.push(word);
      if (word.endsSentence) close();
    } else if (current.length > 0 && pendingConnector === null && CONNECTORS.has(word.text.toLowerCase())) {
      pendingConnector = word;
    } else {
      close();
    }
  }
  close();

  const unsupported: Array<{ start: number; text: string }> = [];
  for (const sequence of sequences) {
    const first = sequence[0];
    if (!first) continue;
    let candidate = sequence;
    const last = sequence[sequence.length - 1];
    const speaks = sequence.length === 1 && last !== undefined && SPEAKS.test(text.slice(last.end));
    if (startsSentence(text, first.start) && !looksLikeName(first.text) && !speaks) {
      // "Today NASA said": the first word is capitalised only because it starts the sentence.
      if (sequence.length === 1 || nameSupported(lookupParts(sequence), source)) continue;
      candidate = sequence.slice(1);
      while (candidate[0] && CONNECTORS.has(candidate[0].text.toLowerCase())) candidate = candidate.slice(1);
    }
    const head = candidate[0];
    if (!head) continue;
    if (candidate.length === 1 && head.text === 'I') continue;
    const parts = lookupParts(candidate);
    if (!nameSupported(parts, source)) unsupported.push({ start: head.start, text: parts.join(' ') });
  }
  return unsupported;
}

// ---------------------------------------------------------------- the guard

/** Links, handles and hashtags are the network's furniture, not claims. */
function maskFurniture(draft: string): string {
  let text = draft;
  for (const span of urlSpans(text)) text = mask(text, span.start, span.end);
  const patterns = [
    /\S+@\S+\.\p{L}+/gu,
    /https?:\/\/\S+/gu,
    /(?<![\p{L}\p{N}_])@\u2060?[\p{L}\p{N}_.]+/gu,
    /(?<![\p{L}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) text = mask(text, match.index, match.index + match[0].length);
  }
  return text;
}

/**
 * Each claim in the draft that the source does not contain, once, in the order it appears.
 * `source` is everything the draft may use: title, body, link and brand hashtags.
 */
export function checkFacts(source: string, draft: string): UnsupportedFact[] {
  const known = readSource(source);
  const flagged: Array<{ start: number; fact: FactKind; text: string }> = [];
  let text = maskFurniture(draft);

  // Quote marks inside links do not count, but a quoted link is still part of the quote.
  const quotes = findQuotes(text);
  const singles = findSingleQuotes(text).filter((single) =>
    quotes.every((quote) => single.end <= quote.start || single.start >= quote.end),
  );
  for (const quote of [...quotes, ...singles]) {
    const inner = draft.slice(quote.start + 1, quote.end - 1);
    if (!quoteSupported(inner, known))
      flagged.push({ start: quote.start, fact: 'quote', text: inner.trim() });
    text = mask(text, quote.start, quote.end);
  }

  for (const money of findMoney(text)) {
    if (!money.keys.some((k) => known.money.has(k)))
      flagged.push({ start: money.start, fact: 'money', text: money.text });
    text = mask(text, money.start, money.end);
  }
  for (const percentage of findPercentages(text)) {
    if (!percentage.keys.some((k) => known.percentages.has(k))) {
      flagged.push({ start: percentage.start, fact: 'percentage', text: percentage.text });
    }
    text = mask(text, percentage.start, percentage.end);
  }
  for (const date of findDates(text)) {
    if (!dateSupported(date, known)) flagged.push({ start: date.start, fact: 'date', text: date.text });
    text = mask(text, date.start, date.end);
  }
  for (const match of text.matchAll(new RegExp(`(${AMOUNT})${SCALE}`, 'giu'))) {
    const written = match[1] ?? '';
    const values = [...amountValues(written).map(key), ...scaledValues(written, match[2])];
    // "Q4" and "5th" read better in a flag than "4" and "5", and their letters are then no name.
    const prefix = /[\p{L}\p{M}\p{N}]+$/u.exec(text.slice(0, match.index))?.[0] ?? '';
    const end = match.index + match[0].length;
    const suffix = match[2] ? '' : (/^[\p{L}\p{M}\p{N}]+/u.exec(text.slice(end))?.[0] ?? '');
    const start = match.index - prefix.length;
    if (!values.some((value) => known.numbers.has(value))) {
      flagged.push({ start, fact: 'number', text: `${prefix}${match[0]}${suffix}`.trim() });
    }
    text = mask(text, start, end + suffix.length);
  }

  // Spelled-out numbers too ("Seven animals"); "one" and "second" mean too many other things.
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    const value = NUMBER_WORDS[word];
    if (value === undefined || ['one', 'first', 'second', 'zero'].includes(word)) continue;
    if (!known.numbers.has(key(value))) flagged.push({ start: match.index, fact: 'number', text: match[0] });
    text = mask(text, match.index, match.index + match[0].length);
  }

  text = text.replace(DRAFTER_WORDS_PATTERN, (phrase) => MASK.repeat(phrase.length));
  for (const name of findNames(text, known))
    flagged.push({ start: name.start, fact: 'name', text: name.text });

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
