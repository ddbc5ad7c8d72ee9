import { DateTime } from 'luxon';
import { type ClockTime, clockMinutes, localDateOf, wallClockInstants } from '../digest/digest-schedule.js';
import { addDays } from './calendar-date.js';

/*
 * Nudges are never sent at night in the recipient's timezone. Quiet hours are wall-clock times
 * in that zone, so "20:00–08:00" means the same local evening and morning all year. Bad zones
 * or times throw a RangeError, as in digest-schedule.ts: they are validated when saved.
 */

export interface QuietHours {
  /** Local time quiet starts (inclusive), 'HH:MM'. */
  start: ClockTime;
  /** Local time quiet ends (exclusive), 'HH:MM'. Earlier than `start` means it wraps midnight. */
  end: ClockTime;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '20:00', end: '08:00' };

function localMinutes(now: Date, timezone: string): number {
  localDateOf(now, timezone); // validates both, with a clear error
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return local.hour * 60 + local.minute;
}

/**
 * Whether the wall clock in `timezone` at `now` is inside the quiet window. start === end means
 * never quiet (an empty window), which is how a workspace turns quiet hours off.
 */
export function isQuiet(now: Date, timezone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  const minute = localMinutes(now, timezone);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * `now` when a nudge may go out now; otherwise the instant quiet ends in that zone. That is the
 * next time the wall clock reads `quiet.end`: across a fall-back it can be the second 01:30 if
 * `now` is already past the first; if clocks spring forward over it, the first instant after the
 * gap.
 */
export function nextAllowedInstant(
  now: Date,
  timezone: string,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): Date {
  if (!isQuiet(now, timezone, quiet)) return now;
  const minute = localMinutes(now, timezone);
  const today = localDateOf(now, timezone);
  // Before the end time, quiet ends today; otherwise we are in the evening part of a wrapping window.
  const endDate = minute < clockMinutes(quiet.end) ? today : addDays(today, 1);
  if (!endDate) throw new RangeError(`No day after ${today}`);
  const ends = wallClockInstants(endDate, quiet.end, timezone);
  // The wall clock cannot leave the day without passing the end time, so one of these is later.
  return ends.find((end) => end.getTime() > now.getTime()) ?? ends[ends.length - 1] ?? now;
}
