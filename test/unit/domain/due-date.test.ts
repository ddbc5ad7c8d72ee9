import { afterEach, describe, expect, it } from 'vitest';
import { daysUntil, formatDueDate, parseDueDate } from '../../../src/domain/time/due-date.js';

// Saturday 21 November 2026, midday in London.
const london = { now: new Date('2026-11-21T12:00:00Z'), timezone: 'Europe/London' };

const parsed = (text: string, ctx = london) => {
  const result = parseDueDate(text, ctx);
  return result.ok ? result.value : `ERROR: ${result.error.message}`;
};

describe('parseDueDate: accepted forms (Sat 21 Nov 2026, London)', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/01', '2026-12-01'],
    ['2026-11-21', '2026-11-21'],
    ['today', '2026-11-21'],
    ['Today', '2026-11-21'],
    ['tomorrow', '2026-11-22'],
    ['tmrw', '2026-11-22'],
    ['in 3 days', '2026-11-24'],
    ['in 0 days', '2026-11-21'],
    ['3 days from now', '2026-11-24'],
    ['in 2 weeks', '2026-12-05'],
    ['in two weeks', '2026-12-05'],
    ['next week', '2026-11-28'],
    ['a week from today', '2026-11-28'],
    ['in a fortnight', '2026-12-05'],
    ['day after tomorrow', '2026-11-23'],
    ['friday', '2026-11-27'],
    ['Fri', '2026-11-27'],
    ['next friday', '2026-11-27'],
    ['on friday', '2026-11-27'],
    ['by friday', '2026-11-27'],
    ['friday!', '2026-11-27'],
    ['saturday', '2026-11-21'],
    ['sunday', '2026-11-22'],
    ['dec 1', '2026-12-01'],
    ['1 dec', '2026-12-01'],
    ['December 1st', '2026-12-01'],
    ['Dec 1st.', '2026-12-01'],
    ['dec 1 2027', '2027-12-01'],
    ['Dec 1, 2027', '2027-12-01'],
    ['1st december 2027', '2027-12-01'],
    ['nov 21', '2026-11-21'],
    ['nov 20', '2027-11-20'],
    ['end of month', '2026-11-30'],
    ['next month', '2026-12-21'],
    ['tomorrow 5pm', '2026-11-22'],
    ['  dec   1  ', '2026-12-01'],
    ['25/12', '2026-12-25'],
    ['12/25', '2026-12-25'],
    ['25.12.2027', '2027-12-25'],
    ['25/12/27', '2027-12-25'],
    ['05/05', '2027-05-05'],
    ['21/11', '2026-11-21'],
    ['20/11', '2027-11-20'],
  ])('%j → %s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe('parseDueDate: rejected input says what was wrong', () => {
  it.each([
    ['', 'Which day?'],
    ['   ', 'Which day?'],
    ['12/01', '"12/01" could mean 12 January or December 1'],
    ['01/12', '"01/12" could mean 1 December or January 12'],
    ['3/4/2027', 'could mean'],
    ['2026-02-30', '"2026-02-30" is not a real date'],
    ['2026-13-01', 'is not a real date'],
    ['31/02', 'is not a real date'],
    ['dec 32', '"dec 32" is not a real date'],
    ['yesterday', 'yesterday (Fri 20 Nov 2026) is in the past'],
    ['last friday', 'yesterday (Fri 20 Nov 2026) is in the past'],
    ['3 days ago', '3 days ago (Wed 18 Nov 2026) is in the past'],
    ['2026-11-20', 'is in the past'],
    ['2020-01-01', 'is in the past'],
    ['2031-11-22', 'more than 5 years away'],
    ['in 6 years', 'more than 5 years away'],
    ['5pm', 'is a time of day'],
    ['9:00', 'is a time of day'],
    ['noon', 'is a time of day'],
    ['in 3 hours', 'is a time of day'],
    ['december', '"december" is a month, not a day. Which day in December 2026?'],
    ['next friday pls', 'I read "next friday" as a date but not "pls"'],
    ['friday 27th', 'but not "27th"'],
    ['friday or monday', 'more than one date'],
    ['5', '"5" is just a number'],
    ['20261201', 'is just a number'],
    ['soon', 'I can\'t read "soon" as a date'],
    ['🎉', 'I can\'t read "🎉" as a date'],
    ['\u0000\u0007', "I can't read"],
    ['x'.repeat(500), 'too long for a date'],
  ])('%j', (text, message) => {
    const result = parseDueDate(text, london);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.message.length).toBeLessThan(200);
    expect(result.error.usage).toContain('due <date>');
    expect(result.error.example).not.toBe('');
  });

  it('accepts exactly five years ahead but not a day more', () => {
    expect(parsed('2031-11-21')).toBe('2031-11-21');
    expect(parsed('2031-11-22')).toMatch(/^ERROR/);
  });

  it('uses the hint it is given for usage and example', () => {
    const hint = { usage: '/task due <number> <date>', example: '/task due 3 friday' };
    expect(parseDueDate('whenever', london, hint)).toMatchObject({ ok: false, error: hint });
  });

  it('reports an unknown workspace timezone instead of throwing', () => {
    const result = parseDueDate('tomorrow', { now: london.now, timezone: 'Mars/Olympus' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('/tandem set timezone');
  });

  it('reports an invalid clock instead of throwing', () => {
    expect(parseDueDate('tomorrow', { now: new Date(Number.NaN), timezone: 'UTC' }).ok).toBe(false);
  });
});

describe('parseDueDate across daylight saving and midnight', () => {
  it.each([
    // London springs forward at 01:00 UTC on Sunday 29 March 2026.
    ['Europe/London', '2026-03-28T23:30:00Z', 'today', '2026-03-28'],
    ['Europe/London', '2026-03-28T23:30:00Z', 'tomorrow', '2026-03-29'],
    ['Europe/London', '2026-03-28T23:30:00Z', 'sunday', '2026-03-29'],
    ['Europe/London', '2026-03-28T23:30:00Z', 'in 1 week', '2026-04-04'],
    ['Europe/London', '2026-03-29T00:30:00Z', 'today', '2026-03-29'],
    // After the change London is UTC+1, so 23:30 UTC is already Monday.
    ['Europe/London', '2026-03-29T23:30:00Z', 'today', '2026-03-30'],
    ['Europe/London', '2026-03-29T23:30:00Z', 'tomorrow', '2026-03-31'],
    // New York falls back at 06:00 UTC on Sunday 1 November 2026.
    ['America/New_York', '2026-11-01T03:30:00Z', 'today', '2026-10-31'],
    ['America/New_York', '2026-11-01T03:30:00Z', 'tomorrow', '2026-11-01'],
    ['America/New_York', '2026-11-01T04:30:00Z', 'today', '2026-11-01'],
    ['America/New_York', '2026-11-01T05:30:00Z', 'tomorrow', '2026-11-02'],
    // After the change New York is UTC-5, so 04:30 UTC on 2 Nov is still 1 Nov.
    ['America/New_York', '2026-11-02T04:30:00Z', 'today', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:30:00Z', 'in 2 days', '2026-11-03'],
    // 23:30 UTC on Sat 21 Nov is 12:30 Sun 22 Nov in Auckland but 15:30 Sat 21 Nov in Los Angeles.
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', 'today', '2026-11-22'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', 'today', '2026-11-21'],
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', 'tomorrow', '2026-11-23'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', 'tomorrow', '2026-11-22'],
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', 'saturday', '2026-11-28'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', 'saturday', '2026-11-21'],
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', 'sunday', '2026-11-22'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', 'sunday', '2026-11-22'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', '2026-11-21', '2026-11-21'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', 'nov 21', '2026-11-21'],
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', 'nov 21', '2027-11-21'],
  ])('%s at %s: %j → %s', (timezone, now, text, expected) => {
    expect(parsed(text, { now: new Date(now), timezone })).toBe(expected);
  });

  it('calls a date that is still today in Los Angeles past in Auckland', () => {
    const result = parseDueDate('2026-11-21', {
      now: new Date('2026-11-21T23:30:00Z'),
      timezone: 'Pacific/Auckland',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('yesterday (Sat 21 Nov 2026) is in the past');
  });
});

describe('parseDueDate does not depend on the server timezone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo', 'Europe/London'])(
    'gives the same dates with TZ=%s',
    (serverZone) => {
      process.env.TZ = serverZone;
      const ctx = { now: new Date('2026-03-28T23:30:00Z'), timezone: 'Europe/London' };
      expect(['today', 'tomorrow', 'sunday', 'in 2 weeks', 'apr 1'].map((t) => parsed(t, ctx))).toEqual([
        '2026-03-28',
        '2026-03-29',
        '2026-03-29',
        '2026-04-11',
        '2026-04-01',
      ]);
      const auckland = { now: new Date('2026-11-21T23:30:00Z'), timezone: 'Pacific/Auckland' };
      expect(parsed('today', auckland)).toBe('2026-11-22');
    },
  );
});

describe('formatDueDate', () => {
  it.each([
    ['2026-11-21', 'today (Sat 21 Nov 2026)'],
    ['2026-11-22', 'tomorrow (Sun 22 Nov 2026)'],
    ['2026-11-20', 'yesterday (Fri 20 Nov 2026)'],
    ['2026-11-24', 'in 3 days (Tue 24 Nov 2026)'],
    ['2026-12-04', 'in 13 days (Fri 4 Dec 2026)'],
    ['2026-12-05', 'in 2 weeks (Sat 5 Dec 2026)'],
    ['2027-01-02', 'in 6 weeks (Sat 2 Jan 2027)'],
    ['2027-05-21', 'in 6 months (Fri 21 May 2027)'],
    ['2029-11-21', 'in 3 years (Wed 21 Nov 2029)'],
    ['2026-11-19', '2 days ago (Thu 19 Nov 2026)'],
    ['2026-10-31', '3 weeks ago (Sat 31 Oct 2026)'],
    ['2026-09-01', '3 months ago (Tue 1 Sep 2026)'],
  ])('%s → %s', (date, expected) => {
    expect(formatDueDate(date, london)).toBe(expected);
  });

  it.each([
    ['Europe/London', '2026-03-29T23:30:00Z', '2026-03-30', 'today (Mon 30 Mar 2026)'],
    ['America/New_York', '2026-11-02T04:30:00Z', '2026-11-02', 'tomorrow (Mon 2 Nov 2026)'],
    ['Pacific/Auckland', '2026-11-21T23:30:00Z', '2026-11-21', 'yesterday (Sat 21 Nov 2026)'],
    ['America/Los_Angeles', '2026-11-21T23:30:00Z', '2026-11-21', 'today (Sat 21 Nov 2026)'],
  ])('%s at %s: %s → %s', (timezone, now, date, expected) => {
    expect(formatDueDate(date, { now: new Date(now), timezone })).toBe(expected);
  });

  it.each([['garbage'], ['2026-02-30'], ['']])('returns the malformed value %j unchanged', (date) => {
    expect(formatDueDate(date, london)).toBe(date);
  });

  it('still shows the day when the timezone is unusable', () => {
    expect(formatDueDate('2026-12-01', { now: london.now, timezone: 'Nope/Nowhere' })).toBe('Tue 1 Dec 2026');
  });
});

describe('daysUntil', () => {
  it.each([
    ['2026-11-21', 0],
    ['2026-11-28', 7],
    ['2026-11-01', -20],
    ['2027-11-21', 365],
    ['not a date', null],
  ])('%s → %s', (date, expected) => {
    expect(daysUntil(date, london)).toBe(expected);
  });
});
