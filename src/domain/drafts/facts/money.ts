import { AMOUNT, closeEnough, type Found, foundAt, SCALE, scaledValues } from './amounts.js';
import type { Flag } from './flag.js';
import { mask } from './mask.js';

const CURRENCY_BEFORE = String.raw`(US\$|USD|AU?\$|AUD|CA?\$|CAD|NZ\$|HK\$|S\$|R\$|\$|€|EUR|£|GBP|¥|JPY|₹|INR|Rs\.?|CHF|₩|₽)`;
const CURRENCY_AFTER = `(dollars?|euros?|pounds?(?: sterling)?|yen|rupees?|francs?|USD|EUR|GBP|JPY|CAD|AUD|INR|CHF|€|£)`;

const MONEY_AFTER = new RegExp(
  String.raw`(${AMOUNT})${SCALE}[ \u00a0]?${CURRENCY_AFTER}(?![\p{L}\p{M}\d])`,
  'giu',
);
// In a draft "AUD$5" is no amount in Australian dollars; the release is read leniently, since
// masking a hashtag in the draft can leave "#D$0" as "$0".
const MONEY_PATTERNS = {
  strict: [
    new RegExp(String.raw`(?<![\p{L}\p{N}])${CURRENCY_BEFORE}[ \u00a0]?(${AMOUNT})${SCALE}`, 'giu'),
    MONEY_AFTER,
  ],
  lenient: [new RegExp(String.raw`${CURRENCY_BEFORE}[ \u00a0]?(${AMOUNT})${SCALE}`, 'giu'), MONEY_AFTER],
};

/** Dollars of any country count as one family: a draft saying "$" for "US$" states nothing new. */
function currencyFamily(currency: string): string {
  const c = currency.toLowerCase();
  if (c.includes('$') || c.startsWith('dollar') || ['usd', 'cad', 'aud'].includes(c)) return 'dollar';
  if (c === '€' || c === 'eur' || c.startsWith('euro')) return 'euro';
  if (c === '£' || c === 'gbp' || c.startsWith('pound')) return 'pound';
  if (c === '¥' || c === 'jpy' || c === 'yen') return 'yen';
  if (c === '₹' || c === 'inr' || c.startsWith('rupee') || c.startsWith('rs')) return 'rupee';
  if (c === 'chf' || c.startsWith('franc')) return 'franc';
  return c;
}

const moneyAt = (match: RegExpExecArray, currency: string, amount: string, scale?: string): Found => {
  const family = currencyFamily(currency);
  return foundAt(
    match.index,
    match[0],
    scaledValues(amount, scale).map((v) => `${family}:${v}`),
  );
};

export function findMoney(text: string, reading: keyof typeof MONEY_PATTERNS = 'strict'): Found[] {
  const found: Found[] = [];
  const [before, after] = MONEY_PATTERNS[reading];
  for (const match of text.matchAll(before as RegExp)) {
    const [, currency = '', amount = '', scale] = match;
    found.push(moneyAt(match, currency, amount, scale));
  }
  for (const match of text.matchAll(after as RegExp)) {
    const [, amount = '', scale, currency = ''] = match;
    found.push(moneyAt(match, currency, amount, scale));
  }
  return withoutOverlaps(found);
}

/** Keeps the earliest, longest match where two patterns claim the same words. */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const item of sorted) {
    const last = kept[kept.length - 1];
    if (last && item.start < last.end) continue;
    kept.push(item);
  }
  return kept;
}

export const readMoney = (release: string): Set<string> =>
  new Set([...findMoney(release), ...findMoney(release, 'lenient')].flatMap((m) => m.keys));

export function flagMoney(draft: string, known: Set<string>, flag: Flag): string {
  let text = draft;
  for (const money of findMoney(text)) {
    if (!closeEnough(money.keys, known)) flag(money.start, 'money', money.text);
    text = mask(text, money.start, money.end);
  }
  return text;
}
