import { describe, expect, it } from 'vitest';
import {
  formatTrendRef,
  isTaskRefText,
  isTrendRefText,
  MAX_TREND_NUMBER,
  parseTrendNumber,
} from '../../../src/domain/trends/trend-ref.js';

describe('parseTrendNumber', () => {
  it.each([
    ['3', 3],
    ['#3', 3],
    ['TR3', 3],
    ['tr3', 3],
    ['Tr3', 3],
    ['#TR3', 3],
    [' TR12 ', 12],
    ['TR007', 7],
    [String(MAX_TREND_NUMBER), MAX_TREND_NUMBER],
    [`TR${MAX_TREND_NUMBER}`, MAX_TREND_NUMBER],
  ])('%j → %d', (text, number) => {
    expect(parseTrendNumber(text)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['', 'Which trend?'],
    ['   ', 'Which trend?'],
    ['0', 'There is no trend TR0'],
    ['TR0', 'There is no trend TR0'],
    ['-3', '"-3" is negative'],
    ['TR-3', '"TR-3" is negative'],
    ['3.5', '"3.5" is not a whole number'],
    ['T3', 'T3 is a task'],
    ['t3', 't3 is a task'],
    ['#T3', '#T3 is a task'],
    ['TR', '"TR" is not a trend number'],
    ['TRR3', '"TRR3" is not a trend number'],
    ['TR 3', '"TR 3" is not a trend number'],
    ['#WorldCup', '"#WorldCup" is not a trend number'],
    ['<@U1>', 'is not a trend number'],
    [String(MAX_TREND_NUMBER + 1), 'far too large'],
    [`TR${'9'.repeat(400)}`, 'far too large'],
    ['x'.repeat(100), '…" is not a trend number'],
  ])('%j fails: %s', (text, message) => {
    const result = parseTrendNumber(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.usage).not.toBe('');
    expect(result.error.example).not.toBe('');
  });

  it('puts the caller’s hint in the error', () => {
    const hint = { usage: '/trend link <trend number> <initiative number>', example: '/trend link TR3 12' };
    expect(parseTrendNumber('x', hint)).toEqual({
      ok: false,
      error: { message: expect.any(String), ...hint },
    });
  });
});

describe('formatTrendRef', () => {
  it.each([
    [1, 'TR1'],
    [3, 'TR3'],
    [MAX_TREND_NUMBER, `TR${MAX_TREND_NUMBER}`],
  ])('%d → %s', (number, shown) => {
    expect(formatTrendRef(number)).toBe(shown);
    expect(parseTrendNumber(shown)).toEqual({ ok: true, value: number });
  });

  it('is neither an initiative (#12) nor a task (T7) reference', () => {
    expect(formatTrendRef(7)).not.toMatch(/^#/);
    expect(isTaskRefText(formatTrendRef(7))).toBe(false);
    expect(isTrendRefText(formatTrendRef(7))).toBe(true);
    expect(isTrendRefText('T7')).toBe(false);
    expect(isTrendRefText('#7')).toBe(false);
  });
});
