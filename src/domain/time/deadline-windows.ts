import { type CalendarDate, daysBetween } from './calendar-date.js';

/*
 * Deadline nudges. A workspace lists windows as days before the due date: the default
 * [3, 1, 0, -1] is 3 days before, the day before, the day itself, and overdue (1 day after).
 *
 * Each window is nudged at most once: the caller records (item, key) and skips keys it has sent.
 * On any day the one window that applies is the most urgent one the item has reached — the
 * smallest window w with daysLeft ≤ w. So:
 * - an item first seen 2 days out gets 'd-3' ("due in 2 days"): the 3-day window was reached
 *   and nothing more urgent has been yet;
 * - an item first seen on its due day gets 'd0' only: earlier windows were overtaken by a more
 *   urgent one, and a late "due in 3 days" would be wrong;
 * - once overdue it stays in the last window reached ('d+1', "overdue by 5 days"), so a repeat
 *   overdue nudge needs its own window (e.g. -7 → 'd+7').
 * Dates are calendar days, so daylight saving never moves a window.
 */

export const DEFAULT_DEADLINE_WINDOWS: readonly number[] = [3, 1, 0, -1];

/** 'd-3' three days before, 'd0' on the day, 'd+1' a day after: stable keys for deduplication. */
export type DeadlineWindowKey = `d-${number}` | 'd0' | `d+${number}`;

export interface DeadlineWindow {
  key: DeadlineWindowKey;
  /** The configured window reached, in days before the due date (negative: after). */
  window: number;
  /** Days from today to the due date: 0 due today, negative overdue. */
  daysLeft: number;
  /** How the nudge reads: 'due in 2 days', 'due tomorrow', 'due today', 'overdue by 1 day'. */
  label: string;
}

export function windowKey(window: number): DeadlineWindowKey {
  if (window > 0) return `d-${window}`;
  if (window < 0) return `d+${-window}`;
  return 'd0';
}

export function deadlineLabel(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  if (daysLeft > 1) return `due in ${daysLeft} days`;
  return daysLeft === -1 ? 'overdue by 1 day' : `overdue by ${-daysLeft} days`;
}

/**
 * The deadline window that applies on `today` to an item due on `due`, or null when no window
 * has been reached yet. Windows may come in any order and repeat.
 */
export function windowFor(
  due: CalendarDate,
  today: CalendarDate,
  windows: readonly number[] = DEFAULT_DEADLINE_WINDOWS,
): DeadlineWindow | null {
  if (!windows.every(Number.isInteger)) {
    throw new RangeError(`Deadline windows must be whole days: ${windows.join(', ')}`);
  }
  const daysLeft = daysBetween(today, due);
  if (daysLeft === null) throw new RangeError(`Not 'YYYY-MM-DD' dates: "${due}", "${today}"`);
  const reached = windows.filter((window) => daysLeft <= window);
  if (reached.length === 0) return null;
  const window = Math.min(...reached);
  return { key: windowKey(window), window, daysLeft, label: deadlineLabel(daysLeft) };
}

/**
 * Whether an overdue item escalates to both leads: once it has been overdue for
 * `escalateAfterOverdueDays` more days after its first overdue day (by default from 2 days late,
 * daysLeft ≤ -2), giving the owner one day to act on the overdue nudge.
 */
export function escalates(daysLeft: number, escalateAfterOverdueDays = 1): boolean {
  if (!Number.isInteger(escalateAfterOverdueDays) || escalateAfterOverdueDays < 0) {
    throw new RangeError(
      `escalateAfterOverdueDays must be a whole number ≥ 0, not ${escalateAfterOverdueDays}`,
    );
  }
  return daysLeft < -escalateAfterOverdueDays;
}
