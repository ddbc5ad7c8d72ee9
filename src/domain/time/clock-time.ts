import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';

const CLOCK_HINT: UsageHint = {
  usage: '/tandem set digest-time <time>  (24-hour 09:00 or 17:30, or 9am / 5:30pm)',
  example: '/tandem set digest-time 09:00',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** A wall-clock time as 'HH:MM' (24-hour), from 9:00, 09:00, 0900, 9am, 5:30 pm, 17.30, noon. */
export function parseClockTime(text: string, hint: UsageHint = CLOCK_HINT): Parsed<string> {
  const typed = text.trim().toLowerCase();
  const shown = text.trim().length > 30 ? `${text.trim().slice(0, 30)}…` : text.trim();
  if (typed === '') return fail('What time? Give one like 09:00 or 9am.', hint);
  if (typed === 'noon' || typed === 'midday') return ok('12:00');
  if (typed === 'midnight') return ok('00:00');
  const match =
    /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?$/.exec(typed) ??
    /^(\d{2})(\d{2})()$/.exec(typed);
  if (!match?.[1]) return fail(`"${shown}" is not a time I can read.`, hint);
  let hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  const meridiem = match[3]?.startsWith('a') ? 'am' : match[3]?.startsWith('p') ? 'pm' : null;
  if (minute > 59) return fail(`"${shown}" has ${minute} minutes; an hour has 60.`, hint);
  if (meridiem) {
    if (hour < 1 || hour > 12) return fail(`"${shown}": with am/pm the hour goes from 1 to 12.`, hint);
    // 12am is midnight and 12pm is noon, the one place the 12-hour clock is not "add 12 for pm".
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return fail(`"${shown}": the hour goes from 00 to 23.`, hint);
  }
  return ok(`${pad(hour)}:${pad(minute)}`);
}
