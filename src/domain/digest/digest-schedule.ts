import { IANAZone } from 'luxon';
import { addDays, type CalendarDate, calendarDay, todayIn } from '../time/calendar-date.js';

/*
 * When a workspace's daily digest is due. Everything is keyed by the workspace's local calendar
 * day, so the digest arrives at the same wall-clock time all year (09:00 local is 08:00Z in
 * British summer and 09:00Z in winter).
 *
 * The inputs are stored settings (zone, 'HH:MM' time) that were validated when an admin set
 * them, so a bad one here is a bug: these functions throw a RangeError rather than guess, which
 * could send a digest at the wrong hour. The scheduler catches per workspace.
 */

/** A 24-hour wall-clock time 'HH:MM', as `parseClockTime` stores it. */
export type ClockTime = string;

export const DEFAULT_DIGEST_GRACE_MINUTES = 120;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight for an 'HH:MM' time. */
export function clockMinutes(time: ClockTime): number {
  const match = CLOCK.exec(time);
  if (!match) throw new RangeError(`Not a 24-hour 'HH:MM' time: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function zoneOf(timezone: string): IANAZone {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`Unknown IANA timezone: "${timezone}"`);
  return zone;
}

/** The calendar day it is in `timezone` at `now`. */
export function localDateOf(now: Date, timezone: string): CalendarDate {
  zoneOf(timezone);
  const date = todayIn({ now, timezone });
  if (!date) throw new RangeError(`Not a valid instant: ${String(now)}`);
  return date;
}

export function previousLocalDate(localDate: CalendarDate): CalendarDate {
  const date = addDays(localDate, -1);
  if (!date) throw new RangeError(`Not a 'YYYY-MM-DD' date: "${localDate}"`);
  return date;
}

/**
 * Every instant at which the wall clock in `timezone` reads `time` on `localDate`, earliest first:
 * usually one; two when clocks fall back and the time happens twice; and when clocks spring
 * forward over it, so it never happens, the single instant the gap ends (02:30 skipped in New
 * York on 8 Mar 2026 gives 03:00 EDT) — the first moment the day has passed that time.
 *
 * Luxon alone won't do: it moves a skipped time forward by the gap's length (02:30 → 03:30) and
 * picks either side of an overlap depending on its first guess.
 */
export function wallClockInstants(localDate: CalendarDate, time: ClockTime, timezone: string): Date[] {
  const day = calendarDay(localDate);
  if (!day) throw new RangeError(`Not a 'YYYY-MM-DD' date: "${localDate}"`);
  const zone = zoneOf(timezone);
  const offset = (ts: number): number => zone.offset(ts) * MINUTE_MS;
  // The wall-clock reading as if it were UTC; the real instant is `wall - offset` for whichever
  // offset is in force then. Offsets stay within ±18 h, so the ones in force a day either side
  // (and at the candidates themselves) are all that can apply.
  const wall = day.toMillis() + clockMinutes(time) * MINUTE_MS;
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map(offset));
  for (const o of [...offsets]) offsets.add(offset(wall - o));
  const candidates = [...offsets].map((o) => wall - o).sort((a, b) => a - b);
  const hits = candidates.filter((ts) => offset(ts) === wall - ts);
  if (hits.length > 0) return hits.map((ts) => new Date(ts));
  // A gap: read with the later offset the time falls before the change, with the earlier one
  // after it. The change itself lies between; find it to the millisecond.
  let lo = candidates[0] ?? wall;
  let hi = candidates[candidates.length - 1] ?? wall;
  if (offset(lo) === offset(hi)) throw new Error(`No instant found for ${localDate} ${time} ${timezone}`);
  const before = offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return [new Date(hi)];
}

/**
 * The instant the wall clock in `timezone` reads `digestTime` on `localDate`. A time that happens
 * twice (clocks falling back) means its first occurrence, so the digest is not held back an hour;
 * a time skipped by clocks springing forward means the first instant after the gap (03:00 local).
 */
export function scheduledInstant(localDate: CalendarDate, digestTime: ClockTime, timezone: string): Date {
  const [first] = wallClockInstants(localDate, digestTime, timezone);
  if (!first) throw new Error(`No instant found for ${localDate} ${digestTime} ${timezone}`);
  return first;
}

export interface DigestScheduleInput {
  now: Date;
  /** The workspace's IANA zone, e.g. 'Europe/London'. */
  timezone: string;
  digestTime: ClockTime;
  /** How long after the scheduled time a late Tandem (restart, outage) still sends. Default 120. */
  graceMinutes?: number;
}

export interface DigestStatus {
  /** 'not-yet' before `scheduledFor`; 'due' from it until grace ends (exclusive); 'missed' after. */
  kind: 'not-yet' | 'due' | 'missed';
  /**
   * The local day the digest is for: the caller records one row per (workspace, localDate), so a
   * digest 'due' on many ticks is sent once. Usually today, but yesterday while yesterday's
   * grace window runs past midnight and today's digest is not yet due.
   */
  localDate: CalendarDate;
  scheduledFor: Date;
}

/** Where the daily digest stands at `now`. */
export function digestDue(input: DigestScheduleInput): DigestStatus {
  const { now, timezone, digestTime } = input;
  const graceMinutes = input.graceMinutes ?? DEFAULT_DIGEST_GRACE_MINUTES;
  // Zero grace would make 'due' an empty window that no tick can land in.
  if (!Number.isFinite(graceMinutes) || graceMinutes <= 0) {
    throw new RangeError(`graceMinutes must be a positive number, not ${graceMinutes}`);
  }
  const at = now.getTime();
  const statusOf = (localDate: CalendarDate): DigestStatus => {
    const scheduledFor = scheduledInstant(localDate, digestTime, timezone);
    const start = scheduledFor.getTime();
    const kind = at < start ? 'not-yet' : at < start + graceMinutes * MINUTE_MS ? 'due' : 'missed';
    return { kind, localDate, scheduledFor };
  };
  const today = statusOf(localDateOf(now, timezone));
  if (today.kind !== 'not-yet') return today;
  // A 23:30 digest with 2 h grace is still owed at 00:10; without this look back a restart just
  // after midnight would skip it silently.
  const yesterday = statusOf(previousLocalDate(today.localDate));
  return yesterday.kind === 'due' ? yesterday : today;
}
