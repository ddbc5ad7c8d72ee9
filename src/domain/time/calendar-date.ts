import { DateTime } from 'luxon';

/*
 * A calendar date is a 'YYYY-MM-DD' string: a day on the workspace's calendar, with no time and
 * no zone. Arithmetic happens in UTC, where every day has 24 hours, so daylight saving can
 * never move a date; the workspace zone is only used to find which day "now" is.
 */

export type CalendarDate = string;

export interface ZoneContext {
  now: Date;
  /** The workspace's IANA zone, e.g. 'Europe/London'. */
  timezone: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC-midnight DateTime for a 'YYYY-MM-DD', or null when the text is not a real date. */
export function calendarDay(date: string): DateTime | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const day = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    { zone: 'utc' },
  );
  return day.isValid ? day : null;
}

export function isCalendarDate(date: string): boolean {
  return calendarDay(date) !== null;
}

export function fromParts(year: number, month: number, day: number): CalendarDate | null {
  const value = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  // Luxon rejects 31 Nov rather than rolling it over to 1 Dec, which is what we want.
  return value.isValid && year >= 1000 && year <= 9999 ? value.toISODate() : null;
}

/** Which day it is in that zone at that instant, or null if the zone or instant is unusable. */
export function todayIn(ctx: ZoneContext): CalendarDate | null {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) return null;
  const local = DateTime.fromJSDate(ctx.now).setZone(ctx.timezone);
  return local.isValid ? local.toISODate() : null;
}

export function addDays(date: CalendarDate, days: number): CalendarDate | null {
  return calendarDay(date)?.plus({ days }).toISODate() ?? null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number | null {
  const a = calendarDay(from);
  const b = calendarDay(to);
  if (!a || !b) return null;
  return Math.round(b.diff(a, 'days').days);
}
