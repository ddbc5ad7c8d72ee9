import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';

/** Trend numbers are stored as PostgreSQL `integer`, like initiative and task numbers. */
export const MAX_TREND_NUMBER = 2 ** 31 - 1;

const DEFAULT_HINT: UsageHint = {
  usage: '/trend expire <trend number>  (the number from /trend list, like TR3)',
  example: '/trend expire TR3',
};

/**
 * How a trend's per-workspace number is shown. Initiatives are `#12` and tasks `T7`, so trends
 * get two letters that any keyboard has: "TR3" can't be misread as either, and a number pasted
 * into the wrong command fails visibly instead of acting on something else.
 */
export function formatTrendRef(number: number): string {
  return `TR${number}`;
}

/** True for text written like a trend reference (`TR3`, `tr3`, `#TR3`), valid or not. */
export const isTrendRefText = (text: string): boolean => /^#?tr-?\d+$/i.test(text.trim());

/** True for text written like a task reference (`T7`, `#t7`), which a trend command must refuse. */
export const isTaskRefText = (text: string): boolean => /^#?t-?\d+$/i.test(text.trim());

/**
 * Reads a trend number as people write it: `TR3`, `tr3`, `3` or `#3` (and `#TR3`). A task
 * reference (`T3`) is refused by name rather than read as trend 3. The hint lets the calling
 * command put its own usage in the error.
 */
export function parseTrendNumber(text: string, hint: UsageHint = DEFAULT_HINT): Parsed<number> {
  const typed = text.trim();
  if (typed === '') return fail('Which trend? Give its number, like TR3.', hint);
  const shown = typed.length > 30 ? `${typed.slice(0, 30)}…` : typed;
  if (isTaskRefText(typed)) {
    return fail(`${shown} is a task; trends are numbered like TR3 (see /trend list).`, hint);
  }
  const digits = typed.replace(/^#?(?:tr)?/i, '');
  if (/^-\d+$/.test(digits)) return fail(`"${shown}" is negative; trend numbers start at TR1.`, hint);
  if (/^\d*[.,]\d+$/.test(digits)) {
    return fail(`"${shown}" is not a whole number; trend numbers look like TR3.`, hint);
  }
  if (!/^\d+$/.test(digits)) {
    return fail(`"${shown}" is not a trend number; use the number from /trend list, like TR3.`, hint);
  }
  // Compare as text first: Number('9'.repeat(400)) is Infinity and would slip past a numeric check.
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 10 || Number(significant) > MAX_TREND_NUMBER) {
    return fail(`There is no trend ${shown}; that number is far too large.`, hint);
  }
  const number = Number(significant);
  if (number === 0) return fail('There is no trend TR0; numbers start at TR1.', hint);
  return ok(number);
}
