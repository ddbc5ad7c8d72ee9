import { describe, expect, it } from 'vitest';
import {
  clockMinutes,
  digestDue,
  localDateOf,
  previousLocalDate,
  scheduledInstant,
  wallClockInstants,
} from '../../../src/domain/digest/digest-schedule.js';

const iso = (date: Date): string => date.toISOString();
const at = (text: string): Date => new Date(text);
const MINUTE = 60_000;

describe('scheduledInstant: 09:00 arrives at 09:00 local every day across DST', () => {
  it.each([
    // Europe/London: clocks go forward 29 Mar 2026 01:00 GMT, back 25 Oct 2026 02:00 BST.
    ['Europe/London', '2026-03-28', '2026-03-28T09:00:00.000Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T08:00:00.000Z'],
    ['Europe/London', '2026-03-30', '2026-03-30T08:00:00.000Z'],
    ['Europe/London', '2026-10-24', '2026-10-24T08:00:00.000Z'],
    ['Europe/London', '2026-10-25', '2026-10-25T09:00:00.000Z'],
    ['Europe/London', '2026-10-26', '2026-10-26T09:00:00.000Z'],
    // America/New_York: forward 8 Mar 2026 02:00 EST, back 1 Nov 2026 02:00 EDT.
    ['America/New_York', '2026-03-07', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['America/New_York', '2026-10-31', '2026-10-31T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T14:00:00.000Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T14:00:00.000Z'],
    ['Asia/Tokyo', '2026-07-01', '2026-07-01T00:00:00.000Z'],
    ['UTC', '2026-07-01', '2026-07-01T09:00:00.000Z'],
  ])('%s %s → %s', (zone, date, expected) => {
    expect(iso(scheduledInstant(date, '09:00', zone))).toBe(expected);
  });
});

describe('digestDue on DST days: not-yet a minute before 09:00 local, due at 09:00', () => {
  it.each([
    ['Europe/London', '2026-03-28T09:00:00.000Z', '2026-03-28'],
    ['Europe/London', '2026-03-29T08:00:00.000Z', '2026-03-29'],
    ['Europe/London', '2026-03-30T08:00:00.000Z', '2026-03-30'],
    ['Europe/London', '2026-10-24T08:00:00.000Z', '2026-10-24'],
    ['Europe/London', '2026-10-25T09:00:00.000Z', '2026-10-25'],
    ['Europe/London', '2026-10-26T09:00:00.000Z', '2026-10-26'],
    ['America/New_York', '2026-03-07T14:00:00.000Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T13:00:00.000Z', '2026-03-08'],
    ['America/New_York', '2026-11-01T14:00:00.000Z', '2026-11-01'],
  ])('%s %s', (timezone, scheduled, localDate) => {
    const base = { timezone, digestTime: '09:00' };
    const start = at(scheduled).getTime();
    expect(digestDue({ ...base, now: new Date(start - MINUTE) })).toEqual({
      kind: 'not-yet',
      localDate,
      scheduledFor: at(scheduled),
    });
    expect(digestDue({ ...base, now: at(scheduled) })).toEqual({
      kind: 'due',
      localDate,
      scheduledFor: at(scheduled),
    });
  });
});

describe('digestDue: catch-up after downtime (09:00 London, 15 Jan 2026, 120 min grace)', () => {
  const base = { timezone: 'Europe/London', digestTime: '09:00' };
  it.each([
    ['08:59:59.999', 'not-yet'],
    ['09:00:00.000', 'due'],
    ['10:30:00.000', 'due'], // back 90 min late
    ['10:59:59.999', 'due'],
    ['11:00:00.000', 'missed'], // exactly at grace end
    ['12:00:00.000', 'missed'], // 3 h late
    ['23:59:59.999', 'missed'],
  ])('at %sZ → %s', (time, kind) => {
    const status = digestDue({ ...base, now: at(`2026-01-15T${time}Z`) });
    expect(status.kind).toBe(kind);
    expect(status.localDate).toBe('2026-01-15');
    expect(iso(status.scheduledFor)).toBe('2026-01-15T09:00:00.000Z');
  });

  it('honours a custom grace', () => {
    expect(digestDue({ ...base, now: at('2026-01-15T10:30:00Z'), graceMinutes: 60 }).kind).toBe('missed');
    expect(digestDue({ ...base, now: at('2026-01-15T11:30:00Z'), graceMinutes: 180 }).kind).toBe('due');
  });

  it.each([0, -5, Number.NaN])('rejects grace %s', (graceMinutes) => {
    expect(() => digestDue({ ...base, now: at('2026-01-15T10:00:00Z'), graceMinutes })).toThrow(RangeError);
  });
});

describe('digestDue: the local day depends on the zone', () => {
  it('Pacific/Auckland and America/Los_Angeles at the same instant', () => {
    const now = at('2026-06-15T22:00:00Z'); // 10:00 Tue 16 Jun in Auckland, 15:00 Mon 15 Jun in LA
    expect(localDateOf(now, 'Pacific/Auckland')).toBe('2026-06-16');
    expect(localDateOf(now, 'America/Los_Angeles')).toBe('2026-06-15');
    const auckland = digestDue({ now, timezone: 'Pacific/Auckland', digestTime: '09:00' });
    const losAngeles = digestDue({ now, timezone: 'America/Los_Angeles', digestTime: '09:00' });
    expect(auckland).toEqual({
      kind: 'due',
      localDate: '2026-06-16',
      scheduledFor: at('2026-06-15T21:00:00Z'),
    });
    expect(losAngeles).toEqual({
      kind: 'missed',
      localDate: '2026-06-15',
      scheduledFor: at('2026-06-15T16:00:00Z'),
    });
  });
});

describe('DST gaps and overlaps', () => {
  it.each([
    // New York skips 02:00–03:00 on 8 Mar 2026: 02:30 → 03:00 EDT.
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00.000Z'],
    // London skips 01:00–02:00 (not 02:00–03:00) on 29 Mar 2026: 01:30 → 02:00 BST; 02:30 exists.
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // Santiago skips midnight on 6 Sep 2026: a 00:00 digest runs at 01:00 local.
    ['America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00.000Z'],
    // Repeated hours: the first occurrence.
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30:00.000Z'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(iso(scheduledInstant(date, time, zone))).toBe(expected);
  });

  it('lists both occurrences of a repeated time, earliest first', () => {
    expect(wallClockInstants('2026-11-01', '01:30', 'America/New_York').map(iso)).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
    expect(wallClockInstants('2026-11-01', '09:00', 'America/New_York').map(iso)).toEqual([
      '2026-11-01T14:00:00.000Z',
    ]);
  });

  it('a digest time inside the gap is due from the end of the gap', () => {
    const base = { timezone: 'America/New_York', digestTime: '02:30' };
    expect(digestDue({ ...base, now: at('2026-03-08T06:59:00Z') }).kind).toBe('not-yet');
    expect(digestDue({ ...base, now: at('2026-03-08T07:00:00Z') })).toEqual({
      kind: 'due',
      localDate: '2026-03-08',
      scheduledFor: at('2026-03-08T07:00:00Z'),
    });
    // The next day it is back to 02:30 EDT.
    expect(iso(scheduledInstant('2026-03-09', '02:30', 'America/New_York'))).toBe('2026-03-09T06:30:00.000Z');
  });

  it('a repeated digest time is due from its first occurrence only once per day', () => {
    const base = { timezone: 'America/New_York', digestTime: '01:30' };
    expect(digestDue({ ...base, now: at('2026-11-01T05:30:00Z') }).kind).toBe('due');
    // The second 01:30 (EST) is still inside the first one's grace: same localDate, same row.
    expect(digestDue({ ...base, now: at('2026-11-01T06:30:00Z') })).toEqual({
      kind: 'due',
      localDate: '2026-11-01',
      scheduledFor: at('2026-11-01T05:30:00Z'),
    });
  });
});

describe('digestDue: times at the edges of the day', () => {
  it('00:00 is due at local midnight, also the night clocks go forward', () => {
    const base = { timezone: 'Europe/London', digestTime: '00:00' };
    expect(iso(scheduledInstant('2026-03-29', '00:00', 'Europe/London'))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(scheduledInstant('2026-03-30', '00:00', 'Europe/London'))).toBe('2026-03-29T23:00:00.000Z');
    expect(digestDue({ ...base, now: at('2026-03-29T23:30:00Z') })).toEqual({
      kind: 'due',
      localDate: '2026-03-30',
      scheduledFor: at('2026-03-29T23:00:00Z'),
    });
    expect(digestDue({ ...base, now: at('2026-03-30T22:59:00Z') }).kind).toBe('missed'); // 23:59 local
  });

  it('23:59 is due at 23:59 and stays due past midnight until its grace ends', () => {
    const base = { timezone: 'Europe/London', digestTime: '23:59' };
    const scheduledFor = at('2026-07-01T22:59:00Z');
    expect(digestDue({ ...base, now: at('2026-07-01T22:58:59Z') })).toEqual({
      kind: 'not-yet',
      localDate: '2026-07-01',
      scheduledFor,
    });
    expect(digestDue({ ...base, now: scheduledFor })).toEqual({
      kind: 'due',
      localDate: '2026-07-01',
      scheduledFor,
    });
    // 00:30 on 2 Jul locally: yesterday's digest is still owed.
    expect(digestDue({ ...base, now: at('2026-07-01T23:30:00Z') })).toEqual({
      kind: 'due',
      localDate: '2026-07-01',
      scheduledFor,
    });
    // 01:59 on 2 Jul: grace over; what matters now is today's digest.
    expect(digestDue({ ...base, now: at('2026-07-02T00:59:00Z') })).toEqual({
      kind: 'not-yet',
      localDate: '2026-07-02',
      scheduledFor: at('2026-07-02T22:59:00Z'),
    });
  });
});

describe('helpers and bad input', () => {
  it('previousLocalDate crosses month and year ends', () => {
    expect(previousLocalDate('2026-03-01')).toBe('2026-02-28');
    expect(previousLocalDate('2028-03-01')).toBe('2028-02-29');
    expect(previousLocalDate('2027-01-01')).toBe('2026-12-31');
  });

  it('clockMinutes reads HH:MM', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('09:30')).toBe(570);
    expect(clockMinutes('23:59')).toBe(1439);
  });

  it.each(['24:00', '9:00', '09:60', '', '09:00:00'])('rejects time %j', (time) => {
    expect(() => scheduledInstant('2026-01-01', time, 'UTC')).toThrow(RangeError);
  });

  it('rejects bad zones, dates and instants', () => {
    expect(() => scheduledInstant('2026-01-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => scheduledInstant('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => localDateOf(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => localDateOf(new Date(), 'EST5EDT-nope')).toThrow(RangeError);
    expect(() => previousLocalDate('yesterday')).toThrow(RangeError);
  });
});
