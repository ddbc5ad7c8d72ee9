import { AMOUNT, amountValues, closeEnough, type Found, foundAt, valueKey } from './amounts.js';
import type { Flag } from './flag.js';
import { mask } from './mask.js';

const PERCENT = new RegExp(
  String.raw`(${AMOUNT})[ \u00a0]?(?:%|％|per[ \u00a0]?cent(?![\p{L}\p{M}])|pct(?![\p{L}\p{M}])|percentage points?(?![\p{L}\p{M}]))`,
  'giu',
);

export function findPercentages(text: string): Found[] {
  return Array.from(text.matchAll(PERCENT), (match) =>
    foundAt(match.index, match[0], amountValues(match[1] ?? '').map(valueKey)),
  );
}

export const readPercentages = (release: string): Set<string> =>
  new Set(findPercentages(release).flatMap((p) => p.keys));

export function flagPercentages(draft: string, known: Set<string>, flag: Flag): string {
  let text = draft;
  for (const percentage of findPercentages(text)) {
    if (!closeEnough(percentage.keys, known, true)) flag(percentage.start, 'percentage', percentage.text);
    text = mask(text, percentage.start, percentage.end);
  }
  return text;
}
