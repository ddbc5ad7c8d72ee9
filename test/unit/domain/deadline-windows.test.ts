import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/time/calendar-date.js';
import { escalates, windowFor } from '../../../src/domain/time/deadline-windows.js';

const short = (due: string, today: string, windows?: number[]) => {
  const window = windowFor(due, today, windows);
  return window && [window.key, window.daysLeft, window.label];
};

describe('windowFor with the default [3, 1, 0, -1] (today Sat 21 Nov 2026)', () => {
  it.each([
    ['2026-11-30', null],
    ['2026-11-26', null],
    ['2026-11-25', null],
    ['2026-11-24', ['d-3', 3, 'due in 3 days']],
    ['2026-11-23', ['d-3', 2, 'due in 2 days']],
    ['2026-11-22', ['d-1', 1, 'due tomorrow']],
    ['2026-11-21', ['d0', 0, 'due today']],
    ['2026-11-20', ['d+1', -1, 'overdue by 1 day']],
    ['2026-11-19', ['d+1', -2, 'overdue by 2 days']],
    ['2026-11-16', ['d+1', -5, 'overdue by 5 days']],
  ])('due %s → %j', (due, expected) => {
    expect(short(due, '2026-11-21')).toEqual(expected);
  });

  it('returns the configured window too', () => {
    expect(windowFor('2026-11-23', '2026-11-21')).toEqual({
      key: 'd-3',
      window: 3,
      daysLeft: 2,
      label: 'due in 2 days',
    });
  });
});

describe('windowFor across month, year, leap-day and DST boundaries', () => {
  it.each([
    ['2027-01-02', '2026-12-30', ['d-3', 3, 'due in 3 days']],
    ['2027-01-01', '2026-12-31', ['d-1', 1, 'due tomorrow']],
    ['2026-12-31', '2027-01-01', ['d+1', -1, 'overdue by 1 day']],
    ['2026-12-01', '2026-11-30', ['d-1', 1, 'due tomorrow']],
    ['2026-03-01', '2026-02-28', ['d-1', 1, 'due tomorrow']],
    ['2028-03-01', '2028-02-27', ['d-3', 3, 'due in 3 days']], // 2028 has 29 Feb
    ['2027-03-01', '2027-02-26', ['d-3', 3, 'due in 3 days']],
    ['2028-03-01', '2028-02-29', ['d-1', 1, 'due tomorrow']],
    ['2026-03-31', '2026-03-28', ['d-3', 3, 'due in 3 days']], // over UK spring-forward
    ['2026-10-26', '2026-10-25', ['d-1', 1, 'due tomorrow']], // over UK fall-back
  ])('due %s, today %s → %j', (due, today, expected) => {
    expect(short(due, today)).toEqual(expected);
  });
});

describe('custom windows', () => {
  it.each([
    [8, null],
    [7, ['d-7', 7, 'due in 7 days']],
    [3, ['d-7', 3, 'due in 3 days']],
    [2, ['d-2', 2, 'due in 2 days']],
    [1, ['d-2', 1, 'due tomorrow']],
    [0, ['d0', 0, 'due today']],
    // No overdue window: an overdue item stays under 'd0', already sent, so no new nudge.
    [-1, ['d0', -1, 'overdue by 1 day']],
  ])('[7, 2, 0], %i days left → %j', (daysLeft, expected) => {
    expect(short(addDays('2026-11-21', daysLeft) ?? '', '2026-11-21', [7, 2, 0])).toEqual(expected);
  });

  it.each([
    [-1, 'd+1'],
    [-3, 'd+1'],
    [-7, 'd+7'],
    [-30, 'd+7'],
  ])('a second overdue window [3, 1, 0, -1, -7], %i days left → %s', (daysLeft, key) => {
    expect(windowFor(addDays('2026-11-21', daysLeft) ?? '', '2026-11-21', [3, 1, 0, -1, -7])?.key).toBe(key);
  });

  it('order and repeats in the configured list do not matter', () => {
    for (let daysLeft = -3; daysLeft <= 5; daysLeft++) {
      const due = addDays('2026-11-21', daysLeft) ?? '';
      expect(windowFor(due, '2026-11-21', [0, 3, -1, 1, 3])).toEqual(windowFor(due, '2026-11-21'));
    }
  });

  it('no windows, no nudges', () => {
    expect(windowFor('2026-11-21', '2026-11-21', [])).toBeNull();
  });

  it('rejects bad dates and fractional windows', () => {
    expect(() => windowFor('2026-02-30', '2026-11-21')).toThrow(RangeError);
    expect(() => windowFor('2026-11-21', 'today')).toThrow(RangeError);
    expect(() => windowFor('2026-11-21', '2026-11-21', [1.5])).toThrow(RangeError);
  });
});

describe('a daily run that sends each key once', () => {
  const sent = (firstSeenDaysLeft: number, windows?: number[]): string[] => {
    const keys: string[] = [];
    const due = '2026-12-01';
    for (let daysLeft = firstSeenDaysLeft; daysLeft >= -6; daysLeft--) {
      const today = addDays(due, -daysLeft) ?? '';
      const window = windowFor(due, today, windows);
      if (window && !keys.some((key) => key.startsWith(`${window.key} `))) {
        keys.push(`${window.key} ${window.label}`);
      }
    }
    return keys;
  };

  it('an item tracked from well before gets every window once', () => {
    expect(sent(10)).toEqual([
      'd-3 due in 3 days',
      'd-1 due tomorrow',
      'd0 due today',
      'd+1 overdue by 1 day',
    ]);
  });

  it('an item first seen 2 days out gets the 3-day window late, then the rest', () => {
    expect(sent(2)).toEqual([
      'd-3 due in 2 days',
      'd-1 due tomorrow',
      'd0 due today',
      'd+1 overdue by 1 day',
    ]);
  });

  it('an item first seen on its due day skips the earlier windows', () => {
    expect(sent(0)).toEqual(['d0 due today', 'd+1 overdue by 1 day']);
  });

  it('an item first seen already overdue gets one overdue nudge', () => {
    expect(sent(-4)).toEqual(['d+1 overdue by 4 days']);
  });
});

describe('escalates', () => {
  it.each([
    [3, 1, false],
    [0, 1, false],
    [-1, 1, false],
    [-2, 1, true],
    [-10, 1, true],
    [-3, 3, false],
    [-4, 3, true],
    [0, 0, false],
    [-1, 0, true],
  ])('daysLeft %i, after %i → %s', (daysLeft, after, expected) => {
    expect(escalates(daysLeft, after)).toBe(expected);
  });

  it('defaults to one day after the overdue nudge', () => {
    expect(escalates(-1)).toBe(false);
    expect(escalates(-2)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('rejects escalateAfterOverdueDays %s', (after) => {
    expect(() => escalates(-5, after)).toThrow(RangeError);
  });
});
