import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';

/** Initiative numbers are stored as PostgreSQL `integer`, so nothing above this can exist. */
export const MAX_INITIATIVE_NUMBER = 2 ** 31 - 1;

const DEFAULT_HINT: UsageHint = {
  usage: '/initiative show <number>  (the number from /initiative list, with or without #)',
  example: '/initiative show 12',
};

/**
 * Reads an initiative number as people write it: `12` or `#12`. The hint lets the calling
 * command put its own usage in the error.
 */
export function parseInitiativeNumber(text: string, hint: UsageHint = DEFAULT_HINT): Parsed<number> {
  const typed = text.trim();
  if (typed === '') return fail('Which initiative? Give its number, like 12 or #12.', hint);
  const digits = typed.startsWith('#') ? typed.slice(1) : typed;
  const shown = typed.length > 30 ? `${typed.slice(0, 30)}…` : typed;
  if (/^-\d+$/.test(digits)) return fail(`"${shown}" is negative; initiative numbers start at 1.`, hint);
  if (!/^\d+$/.test(digits)) {
    return fail(
      `"${shown}" is not an initiative number; use the number from /initiative list, like 12.`,
      hint,
    );
  }
  // Compare as text first: Number('9'.repeat(400)) is Infinity and would slip past a numeric check.
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 10 || Number(significant) > MAX_INITIATIVE_NUMBER) {
    return fail(`There is no initiative ${shown}; that number is far too large.`, hint);
  }
  const number = Number(significant);
  if (number === 0) return fail('There is no initiative 0; numbers start at 1.', hint);
  return ok(number);
}
