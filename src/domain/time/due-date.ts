// The English parsers only: the full package loads every locale (~0.7 s more at start-up).
import * as chrono from 'chrono-node/en';
import { fail, ok, type Parsed, type UsageHint, withHint } from '../commands/result.js';
import {
  type CalendarDate,
  calendarDay,
  daysBetween,
  fromParts,
  todayIn,
  type ZoneContext,
} from './calendar-date.js';

// Callers were promised these next to the date parser; they live in their own small files.
export type { CalendarDate, ZoneContext } from './calendar-date.js';
export { parseClockTime } from './clock-time.js';
export { isValidTimezone, resolveTimezone, suggestTimezone } from './timezone.js';

export const DUE_DATE_HINT: UsageHint = {
  usage: 'due <date>  — e.g. 2026-12-01, dec 1, 1 dec, friday, next friday, tomorrow, in 3 days, in 2 weeks',
  example: '/initiative due 12 next friday',
};

/** Far enough for any real campaign; further out is almost always a typo in the year. */
export const MAX_YEARS_AHEAD = 5;
const MAX_LENGTH = 60;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (month: number): string => MONTHS[month - 1] ?? String(month);
const fullMonthName = (month: number): string => FULL_MONTHS[month - 1] ?? String(month);
const preview = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** 'Sat 21 Nov 2026'. Built by hand so that neither the server's locale nor ICU version shows. */
function dayLabel(date: CalendarDate): string {
  const day = calendarDay(date);
  if (!day) return date;
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return `${weekdays[day.weekday - 1]} ${day.day} ${monthName(day.month)} ${day.year}`;
}

/**
 * 9/10, 12/01, 01/12: whether the month or the day comes first depends on where the writer
 * grew up, and a team split across London and New York writes both. When both numbers could be
 * a month we refuse to guess and ask for an unambiguous form; 25/12 and 12/25 can only mean one
 * thing, and 05/05 means the same either way, so those are accepted.
 */
function readNumericDate(typed: string, today: CalendarDate): Parsed<CalendarDate> | null {
  const shown = preview(typed);
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(typed);
  if (iso) {
    const date = fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? ok(date) : fail(`"${shown}" is not a real date.`, DUE_DATE_HINT);
  }
  const short = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(typed);
  if (short) {
    const first = Number(short[1]);
    const second = Number(short[2]);
    const thisYear = Number(today.slice(0, 4));
    const year = short[3] === undefined ? thisYear : Number(short[3]) + (short[3].length === 2 ? 2000 : 0);
    if (first <= 12 && second <= 12 && first !== second) {
      const dayFirst = `${first} ${fullMonthName(second)}`;
      const monthFirst = `${fullMonthName(first)} ${second}`;
      const isoExample = fromParts(year, first, second) ?? `${year}-12-01`;
      return fail(
        `"${shown}" could mean ${dayFirst} or ${monthFirst}. Write ${isoExample} or "${monthName(first).toLowerCase()} ${second}" so there's no doubt.`,
        DUE_DATE_HINT,
      );
    }
    const [day, month] = first > 12 ? [first, second] : [second, first];
    let date = fromParts(year, month, day);
    // Without a year, mean the next time that date comes round, like the natural-language forms.
    if (date && short[3] === undefined && date < today) date = fromParts(year + 1, month, day);
    return date ? ok(date) : fail(`"${shown}" is not a real date.`, DUE_DATE_HINT);
  }
  if (/^\d+$/.test(typed)) {
    return fail(
      `"${shown}" is just a number. Which day? Try "dec ${typed.slice(0, 2)}" or a date like 2026-12-01.`,
      DUE_DATE_HINT,
    );
  }
  return null;
}

/** Everyday phrasings chrono does not know, rewritten to ones it does. */
function rewrite(words: string): string {
  return words
    .replace(/[‘’]/g, "'")
    .replace(/^by\s+/, '')
    .replace(/\b(the )?day after tomorrow\b/, 'in 2 days')
    .replace(/\bfrom today\b/, 'from now')
    .replace(/\ba fortnight\b|\bfortnight\b/, '2 weeks');
}

function readNaturalDate(typed: string, today: CalendarDate): Parsed<CalendarDate> {
  const shown = preview(typed);
  const words = rewrite(typed.toLowerCase());
  const [year, month, day] = today.split('-').map(Number);
  // chrono does its sums in the server's own zone and has no IANA support. Giving it noon of the
  // workspace's date, as a server-local time, makes its "today" the workspace's today on any
  // server; noon because no zone changes its clocks then, so the instant always exists. Only
  // the parsed year/month/day are read back, never chrono's Date.
  const reference = new Date(year ?? 2000, (month ?? 1) - 1, day ?? 1, 12, 0, 0, 0);
  // Forward-dating would turn "last friday" into next Friday; let those stay in the past and fail.
  const backwards = /\b(last|ago|yesterday|previous|past)\b/.test(words);
  const results = chrono.casual.parse(words, reference, { forwardDate: !backwards });
  const result = results[0];
  if (!result) {
    return fail(
      `I can't read "${shown}" as a date. Try tomorrow, friday, next friday, dec 1, in 2 weeks or 2026-12-01.`,
      DUE_DATE_HINT,
    );
  }
  if (results.length > 1) {
    const found = results.map((r) => `"${r.text}"`).join(' and ');
    return fail(`"${shown}" has more than one date in it (${found}); give just one.`, DUE_DATE_HINT);
  }
  const leftover = `${words.slice(0, result.index)} ${words.slice(result.index + result.text.length)}`
    .replace(/[\s,.!?]+/g, ' ')
    .trim();
  if (leftover !== '') {
    return fail(
      `I read "${result.text}" as a date but not "${preview(leftover)}". Give just the date.`,
      DUE_DATE_HINT,
    );
  }
  const start = result.start;
  const tags = result.tags();
  const hasDay = start.isCertain('day') || start.isCertain('weekday') || tags.has('result/relativeDate');
  const hasAnyDate = hasDay || start.isCertain('month') || start.isCertain('year');
  if (tags.has('result/relativeDateAndTime') || (!hasAnyDate && start.isCertain('hour'))) {
    return fail(
      `"${shown}" is a time of day; due dates are whole days. Try today, tomorrow or friday.`,
      DUE_DATE_HINT,
    );
  }
  const y = start.get('year') ?? 0;
  const m = start.get('month') ?? 0;
  if (!hasDay && /\b\d{1,2}\b/.test(words)) {
    // chrono reads the number in "dec 32" as a two-digit year; to a person it was a day.
    return fail(`"${shown}" is not a real date.`, DUE_DATE_HINT);
  }
  if (!hasDay) {
    return fail(
      `"${shown}" is a month, not a day. Which day in ${fullMonthName(m)} ${y}? e.g. "${monthName(m).toLowerCase()} 1".`,
      DUE_DATE_HINT,
    );
  }
  const date = fromParts(y, m, start.get('day') ?? 0);
  return date ? ok(date) : fail(`"${shown}" is not a real date.`, DUE_DATE_HINT);
}

/**
 * A due date typed by a person, as the workspace's calendar day. A time of day, if given with a
 * date ("tomorrow 5pm"), is dropped: due dates are days, and the reply shows the day we read.
 */
export function parseDueDate(text: string, ctx: ZoneContext, hint?: UsageHint): Parsed<CalendarDate> {
  const result = readDueDate(text.replace(/\s+/g, ' ').trim(), ctx);
  return result.ok || !hint ? result : withHint(result, hint);
}

function readDueDate(typed: string, ctx: ZoneContext): Parsed<CalendarDate> {
  if (typed === '') return fail('Which day? Give a date like friday, dec 1 or 2026-12-01.', DUE_DATE_HINT);
  if (typed.length > MAX_LENGTH) {
    return fail(
      `"${preview(typed)}" is too long for a date. Try friday, dec 1 or 2026-12-01.`,
      DUE_DATE_HINT,
    );
  }
  const today = todayIn(ctx);
  if (!today) {
    return fail(
      `I can't tell what today is: the workspace timezone "${preview(ctx.timezone)}" isn't one I know. An admin can fix it with /tandem set timezone Europe/London.`,
      { usage: '/tandem set timezone <Area/City>', example: '/tandem set timezone Europe/London' },
    );
  }
  const read = readNumericDate(typed, today) ?? readNaturalDate(typed, today);
  if (!read.ok) return read;
  const date = read.value;
  if (date < today) {
    return fail(`${formatDueDate(date, ctx)} is in the past. Pick today or a later day.`, DUE_DATE_HINT);
  }
  const limit = calendarDay(today)?.plus({ years: MAX_YEARS_AHEAD }).toISODate();
  if (limit && date > limit) {
    return fail(
      `${dayLabel(date)} is more than ${MAX_YEARS_AHEAD} years away. Check the year.`,
      DUE_DATE_HINT,
    );
  }
  return ok(date);
}

function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const size = Math.abs(days);
  const amount =
    size < 14
      ? `${size} days`
      : size < 56
        ? `${Math.round(size / 7)} weeks`
        : size < 730
          ? `${Math.round(size / 30.44)} months`
          : `${Math.round(size / 365.25)} years`;
  return days > 0 ? `in ${amount}` : `${amount} ago`;
}

/**
 * How a due date reads in a reply: 'tomorrow (Sun 22 Nov 2026)', '2 days ago (Thu 19 Nov 2026)'.
 * Never throws: a malformed stored value comes back as it is.
 */
export function formatDueDate(date: CalendarDate, ctx: ZoneContext): string {
  if (!calendarDay(date)) return date;
  const today = todayIn(ctx);
  const days = today ? daysBetween(today, date) : null;
  return days === null ? dayLabel(date) : `${relativeDays(days)} (${dayLabel(date)})`;
}

/** Days from the workspace's today to the due date: 0 due today, negative overdue. */
export function daysUntil(date: CalendarDate, ctx: ZoneContext): number | null {
  const today = todayIn(ctx);
  return today ? daysBetween(today, date) : null;
}
