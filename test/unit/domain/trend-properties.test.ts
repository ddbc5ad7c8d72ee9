import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parsed } from '../../../src/domain/commands/result.js';
import { MAX_INITIATIVE_NUMBER } from '../../../src/domain/initiatives/initiative-ref.js';
import {
  formatTrendRef,
  MAX_TREND_KEYWORD_LENGTH,
  MAX_TREND_KEYWORDS,
  MAX_TREND_LABEL_LENGTH,
  MAX_TREND_NOTES_LENGTH,
  MAX_TREND_NUMBER,
  parseTrendCommand,
  parseTrendNumber,
} from '../../../src/domain/trends/trend-command.js';

// Text shaped like what people and Slack send, mixed with anything at all.
const commandish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'add',
        'new',
        'log',
        'list',
        'ls',
        'link',
        'connect',
        'to',
        'expire',
        'end',
        'close',
        'help',
        'active',
        'all',
        'keywords:',
        'KEYWORDS:',
        'keywords',
        'kw:',
        'kw:a,b',
        'keyword:',
        ',',
        ';',
        ',,',
        'a,',
        'football',
        'Soccer',
        '#WorldCup2026',
        '#football',
        '12',
        '#12',
        'TR3',
        'tr3',
        '#TR3',
        'T7',
        'TR0',
        '0',
        '-1',
        '1.5',
        '"',
        '“',
        '”',
        '‘',
        '’',
        "'",
        '"AI Act"',
        '<@U1>',
        '<@U2|ann>',
        '<#C1|x>',
        '<!subteam^S1|@t>',
        '<!here>',
        '@ann',
        '#chan',
        '__proto__',
        'constructor',
        '🎉',
        '\u0000',
        '\n',
        '&amp;',
        '&lt;',
      ),
      { maxLength: 12 },
    )
    .map((words) => words.join(' ')),
);

function expectWellFormed<T>(result: Parsed<T>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.error.message.trim()).not.toBe('');
  expect(result.error.usage.trim()).not.toBe('');
  expect(result.error.example.trim()).not.toBe('');
}

const length = (text: string): number => [...text].length;

describe('trend parsers never throw and always explain their errors', () => {
  it('parseTrendCommand', () => {
    fc.assert(
      fc.property(commandish, (text) => expectWellFormed(parseTrendCommand(text))),
      { numRuns: 3000 },
    );
  });

  it('parseTrendNumber', () => {
    fc.assert(
      fc.property(commandish, (text) => expectWellFormed(parseTrendNumber(text))),
      { numRuns: 2000 },
    );
  });

  it('a parsed add always has a clean label, notes and keywords within the limits', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        const result = parseTrendCommand(`add ${text}`);
        if (!result.ok || result.value.type !== 'add') return;
        const { label, notes, keywords } = result.value;
        for (const field of [label, notes ?? 'x', ...keywords]) {
          expect(field).toBe(field.trim());
          expect(field).not.toMatch(/[\p{Cc}]|\s{2}/u);
          expect(length(field)).toBeGreaterThan(0);
        }
        expect(length(label)).toBeLessThanOrEqual(MAX_TREND_LABEL_LENGTH);
        expect(length(notes ?? '')).toBeLessThanOrEqual(MAX_TREND_NOTES_LENGTH);
        expect(keywords.length).toBeLessThanOrEqual(MAX_TREND_KEYWORDS);
        expect(new Set(keywords.map((keyword) => keyword.replace(/^#+/, ''))).size).toBe(keywords.length);
        for (const keyword of keywords) {
          expect(keyword).toBe(keyword.toLowerCase());
          expect(length(keyword)).toBeLessThanOrEqual(MAX_TREND_KEYWORD_LENGTH);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Guards against super-linear blow-up (regex backtracking, quadratic loops), which takes
  // minutes; the generous timeout keeps a busy 2-core machine from failing a healthy run.
  it('very long input is handled quickly', { timeout: 30_000 }, () => {
    expectWellFormed(parseTrendCommand(`add "${'x'.repeat(100_000)}" ${'notes '.repeat(2_000)}`));
    expectWellFormed(parseTrendCommand(`add #x ${'word '.repeat(20_000)}`));
    expectWellFormed(parseTrendCommand(`add #x keywords: ${'a, '.repeat(20_000)}`));
    expectWellFormed(parseTrendCommand(`add #x ${'kw: a '.repeat(20_000)}`));
    expectWellFormed(parseTrendCommand(`link TR3 ${'12 '.repeat(20_000)}`));
    expectWellFormed(parseTrendNumber(`TR${'9'.repeat(100_000)}`));
  });
});

describe('trend numbers round-trip', () => {
  it('every valid number parses back in every written form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TREND_NUMBER }),
        fc.constantFrom('', '#', 'tr', 'TR', 'Tr', '#TR'),
        (n, prefix) => {
          expect(parseTrendNumber(`${prefix}${n}`)).toEqual({ ok: true, value: n });
          expect(parseTrendNumber(formatTrendRef(n))).toEqual({ ok: true, value: n });
        },
      ),
    );
  });

  it('every number beyond the column rejects', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX_TREND_NUMBER) + 1n, max: 10n ** 40n }), (n) => {
        expect(parseTrendNumber(`TR${n}`).ok).toBe(false);
      }),
    );
  });

  it('a task number is never taken for a trend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TREND_NUMBER }),
        fc.constantFrom('T', 't', '#T'),
        (n, prefix) => {
          expect(parseTrendNumber(`${prefix}${n}`).ok).toBe(false);
        },
      ),
    );
  });

  it('link and expire take the numbers in any form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TREND_NUMBER }),
        fc.integer({ min: 1, max: MAX_INITIATIVE_NUMBER }),
        fc.constantFrom('', '#', 'TR', 'tr'),
        fc.constantFrom('', '#'),
        (trend, initiative, trendPrefix, initiativePrefix) => {
          expect(parseTrendCommand(`link ${trendPrefix}${trend} ${initiativePrefix}${initiative}`)).toEqual({
            ok: true,
            value: { type: 'link', trend, initiative },
          });
          expect(parseTrendCommand(`expire ${trendPrefix}${trend}`)).toEqual({
            ok: true,
            value: { type: 'expire', trend },
          });
        },
      ),
    );
  });
});
