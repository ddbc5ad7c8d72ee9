import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';

/** Task numbers are stored as PostgreSQL `integer`, so nothing above this can exist. */
export const MAX_TASK_NUMBER = 2 ** 31 - 1;

const DEFAULT_HINT: UsageHint = {
  usage: '/task claim <task number>  (the number on the task message, like T7)',
  example: '/task claim T7',
};

/**
 * How a task's per-workspace number is shown. Initiatives are `#12`, so tasks get a letter:
 * "T7 in #12" can't be misread, and a number pasted from one into the other fails visibly.
 */
export function formatTaskRef(number: number): string {
  return `T${number}`;
}

/**
 * Reads a task number as people write it: `T7`, `t7`, `7` or `#7` (and `#T7`, a mix of the two
 * styles). The hint lets the calling command put its own usage in the error.
 */
export function parseTaskNumber(text: string, hint: UsageHint = DEFAULT_HINT): Parsed<number> {
  const typed = text.trim();
  if (typed === '') return fail('Which task? Give its number, like T7.', hint);
  const digits = typed.replace(/^#?[tT]?/, '');
  const shown = typed.length > 30 ? `${typed.slice(0, 30)}…` : typed;
  if (/^-\d+$/.test(digits)) return fail(`"${shown}" is negative; task numbers start at T1.`, hint);
  if (/^\d*[.,]\d+$/.test(digits)) {
    return fail(`"${shown}" is not a whole number; task numbers look like T7.`, hint);
  }
  if (!/^\d+$/.test(digits)) {
    return fail(`"${shown}" is not a task number; use the number on the task message, like T7.`, hint);
  }
  // Compare as text first: Number('9'.repeat(400)) is Infinity and would slip past a numeric check.
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 10 || Number(significant) > MAX_TASK_NUMBER) {
    return fail(`There is no task ${shown}; that number is far too large.`, hint);
  }
  const number = Number(significant);
  if (number === 0) return fail('There is no task T0; numbers start at T1.', hint);
  return ok(number);
}
