import { mask } from './mask.js';

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

export interface DateClaim {
  start: number;
  end: number;
  text: string;
  month?: number;
  day?: number;
  year?: number;
  weekday?: string;
}

// Most specific first: each pattern only sees what the ones before it left unmasked.
const DATE_PATTERNS: Array<{
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Omit<DateClaim, 'start' | 'end' | 'text'>;
}> = [
  {
    // "Feb.1, 2007": an abbreviated month's full stop may stand for the space.
    pattern: new RegExp(
      String.raw`(?<![\p{L}])${MONTH}(?:[ \u00a0]+|(?<=\.))${DAY}(?:,?[ \u00a0]+${YEAR})?`,
      'gu',
    ),
    read: (m) => ({
      month: monthNumber(m[1] ?? ''),
      day: Number(m[2]),
      year: m[3] ? Number(m[3]) : undefined,
    }),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\p{L}\d.,])${DAY}[ \u00a0]+(?:of[ \u00a0]+)?${MONTH}(?:,?[ \u00a0]+${YEAR})?`,
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

export function findDates(text: string): DateClaim[] {
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
