import { contextOf, stem } from './context.js';
import { type DateClaim, findDates } from './date-patterns.js';
import type { Flag } from './flag.js';
import { mask } from './mask.js';

/** The dates a release mentions, in parts: a draft may repeat any one of them on its own. */
export interface KnownDates {
  dayMonths: Set<string>;
  months: Set<number>;
  /** "February 2021": a month named with its year belongs to that year only. */
  monthYears: Set<string>;
  years: Set<number>;
  weekdays: Set<string>;
  /** The words around each mention of a year: a year tells of one event, not any. */
  yearContexts: Map<number, Array<Set<string>>>;
  /** Stems of every word of the release. */
  releaseWords: Set<string>;
}

export function readDates(release: string): KnownDates {
  const known: KnownDates = {
    dayMonths: new Set(),
    months: new Set(),
    monthYears: new Set(),
    years: new Set(),
    weekdays: new Set(),
    yearContexts: new Map(),
    releaseWords: new Set((release.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []).map(stem)),
  };
  for (const date of findDates(release)) {
    if (date.year) {
      const contexts = known.yearContexts.get(date.year) ?? [];
      contexts.push(contextOf(release, date.start, date.end, 12, false));
      known.yearContexts.set(date.year, contexts);
    }
    if (date.month && date.day) known.dayMonths.add(`${date.month}-${date.day}`);
    if (date.month) known.months.add(date.month);
    if (date.month && date.year) known.monthYears.add(`${date.month}-${date.year}`);
    if (date.year) known.years.add(date.year);
    if (date.weekday) known.weekdays.add(date.weekday);
  }
  // Numeric dates are ambiguous (5/11 or 11/5): accept either reading.
  for (const match of release.matchAll(/(?<!\d)(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?!\d)/g)) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    known.dayMonths.add(`${a}-${b}`).add(`${b}-${a}`);
    known.months.add(a).add(b);
  }
  for (const match of release.matchAll(/\d{4}/g)) known.years.add(Number(match[0]));
  return known;
}

const hasMonthIn = (known: KnownDates, year: number): boolean =>
  [...known.monthYears].some((pair) => pair.endsWith(`-${year}`));

function dateSupported(date: DateClaim, known: KnownDates): boolean {
  if (date.weekday) return known.weekdays.has(date.weekday);
  if (date.year !== undefined && !known.years.has(date.year)) return false;
  // "July 2021" when the release says "July 2020" and "February 2021"; a bare year or month there
  // ("in 2021", "in July") may still be completed by the draft.
  if (date.month && date.year && !known.monthYears.has(`${date.month}-${date.year}`)) {
    const yearAlone = known.yearContexts.has(date.year) && !hasMonthIn(known, date.year);
    if (!yearAlone) return false;
  }
  if (date.month && date.day) return known.dayMonths.has(`${date.month}-${date.day}`);
  if (date.month) return known.months.has(date.month);
  return true;
}

/** "Founded in 2020" when 2020 is only the results year: no word around it is the release's. */
function sameEvent(date: DateClaim, draft: string, known: KnownDates): boolean {
  if (date.year === undefined || date.month !== undefined || date.weekday !== undefined) return true;
  const around = contextOf(draft, date.start, date.end, 4, true);
  const contexts = known.yearContexts.get(date.year);
  // A bare year in the release ties to nothing; words the drafter adds ("Big news") tie nothing either.
  if (!contexts || contexts.some((context) => context.size === 0)) return true;
  const releaseWords = new Set(contexts.flatMap((context) => [...context]).concat([...known.releaseWords]));
  if ([...around].filter((word) => releaseWords.has(word)).length < 2) return true;
  return contexts.some((context) => [...around].some((word) => context.has(word)));
}

export function flagDates(draft: string, known: KnownDates, flag: Flag): string {
  let text = draft;
  for (const date of findDates(text)) {
    if (!dateSupported(date, known) || !sameEvent(date, draft, known)) flag(date.start, 'date', date.text);
    text = mask(text, date.start, date.end);
  }
  return text;
}
