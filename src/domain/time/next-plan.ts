import { DateTime } from 'luxon';

/**
 * The earliest instants at which the workspace's data, unchanged, would call for a nudge it does
 * not call for now. Each is the raw value the database holds; null when there is none ahead.
 */
export interface PlanBoundaries {
  /** The soonest a snoozed, not-done task's snooze ends. */
  snoozeEnds: Date | null;
  /** The creation of the youngest-to-qualify open initiative still without an owner. */
  unownedCreatedAt: Date | null;
  /** The soonest an open, unclaimed trend response must be claimed by. */
  respondBy: Date | null;
  /** The soonest embargo that is not yet within its notice period. */
  embargoUntil: Date | null;
}

export interface PlanRules {
  /** How long an initiative may stay unowned before the leads hear. */
  unownedAfterMs: number;
  /** How long before an embargo lifts the social leads hear about unapproved posts. */
  embargoNoticeMs: number;
}

/** The next local midnight after `now` in the zone (the next "today"), DST included. */
export function nextLocalMidnight(now: Date, timezone: string): Date | null {
  const local = DateTime.fromJSDate(now).setZone(timezone);
  if (!local.isValid) return null;
  // Where a DST change skips midnight, Luxon's start of day is the first instant that exists.
  return local.plus({ days: 1 }).startOf('day').toJSDate();
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When the nudge plan of a workspace can next differ from the one just made, if nothing is
 * written in between: a new local day (deadline windows move), a snooze ending, an initiative
 * reaching a day unowned, a trend response's deadline, an embargo entering its notice. Whatever
 * is planned between two such instants is the same set, so planning then would add nothing.
 * A zone Luxon does not know plans nothing, and is looked at again within the hour.
 */
export function nextPlanInstant(now: Date, timezone: string, b: PlanBoundaries, rules: PlanRules): Date {
  const shifted = (d: Date | null, by: number) => (d ? new Date(d.getTime() + by) : null);
  const candidates = [
    nextLocalMidnight(now, timezone) ?? new Date(now.getTime() + HOUR_MS),
    b.snoozeEnds,
    shifted(b.unownedCreatedAt, rules.unownedAfterMs),
    b.respondBy,
    shifted(b.embargoUntil, -rules.embargoNoticeMs),
  ].filter((d): d is Date => d !== null && d.getTime() > now.getTime());
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}
