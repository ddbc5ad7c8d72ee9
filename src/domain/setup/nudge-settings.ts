import { quoteBack } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { joinTokens, type Token } from '../commands/tokenize.js';
import { parseClockTime } from '../time/clock-time.js';
import type { TandemCommand } from './tandem-types.js';
import { TANDEM_USAGE } from './tandem-usage.js';

// When nudges may arrive: `/tandem set quiet-hours` and `/tandem set nudge-windows`.

/** `20:00-08:00`, `20:00 to 08:00`, `8pm-8am`, or `off` (never quiet: the same start and end). */
export function parseQuietHours(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set quiet-hours'];
  const text = joinTokens(args).trim();
  if (/^(off|none|never)$/i.test(text))
    return ok({ type: 'set', setting: { key: 'quiet-hours', start: '00:00', end: '00:00' } });
  const parts = text.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/i).filter(Boolean);
  if (parts.length !== 2)
    return fail(
      `Give quiet hours as a start and an end, like 20:00-08:00 (you typed "${quoteBack(text, 30)}").`,
      hint,
    );
  const [from, to] = parts as [string, string];
  const start = parseClockTime(from, hint);
  if (!start.ok) return start;
  const end = parseClockTime(to, hint);
  if (!end.ok) return end;
  return ok({ type: 'set', setting: { key: 'quiet-hours', start: start.value, end: end.value } });
}

const MAX_WINDOWS = 6;

/** Days before the due date, e.g. `3, 1, 0, -1`: each a whole number from -30 to 60, at most six. */
export function parseNudgeWindows(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set nudge-windows'];
  const words = joinTokens(args)
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 0) return fail('Which days before the due date? Give numbers like 3, 1, 0, -1.', hint);
  const days: number[] = [];
  for (const word of words) {
    if (!/^[+-]?\d{1,2}$/.test(word))
      return fail(`"${quoteBack(word, 20)}" is not a whole number of days.`, hint);
    const n = Number(word);
    if (n < -30 || n > 60)
      return fail(`${n} is out of range: use days from -30 (overdue) to 60 (before).`, hint);
    if (!days.includes(n)) days.push(n);
  }
  if (days.length > MAX_WINDOWS)
    return fail(`At most ${MAX_WINDOWS} windows; you gave ${days.length}.`, hint);
  return ok({ type: 'set', setting: { key: 'nudge-windows', days: days.sort((a, b) => b - a) } });
}
