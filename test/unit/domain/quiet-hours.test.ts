import { describe, expect, it } from 'vitest';
import { isQuiet, nextAllowedInstant, type QuietHours } from '../../../src/domain/time/quiet-hours.js';

const at = (text: string): Date => new Date(text);
const iso = (date: Date): string => date.toISOString();

describe('isQuiet with the default 20:00–08:00', () => {
  it.each([
    // London in winter (GMT = UTC) and summer (BST = UTC+1).
    ['Europe/London', '2026-01-15T19:59:59Z', false],
    ['Europe/London', '2026-01-15T20:00:00Z', true],
    ['Europe/London', '2026-01-16T03:00:00Z', true],
    ['Europe/London', '2026-01-16T07:59:59Z', true],
    ['Europe/London', '2026-01-16T08:00:00Z', false],
    ['Europe/London', '2026-07-15T18:59:00Z', false],
    ['Europe/London', '2026-07-15T19:00:00Z', true],
    ['Europe/London', '2026-07-16T06:59:00Z', true],
    ['Europe/London', '2026-07-16T07:00:00Z', false],
    // The same instant is night in Auckland and late morning in Los Angeles.
    ['Pacific/Auckland', '2026-06-15T18:00:00Z', true],
    ['America/Los_Angeles', '2026-06-15T18:00:00Z', false],
    ['Asia/Kolkata', '2026-06-15T14:30:00Z', true], // 20:00 IST
    ['Asia/Kolkata', '2026-06-15T14:29:00Z', false],
  ])('%s %s → %s', (zone, now, quiet) => {
    expect(isQuiet(at(now), zone)).toBe(quiet);
  });
});

describe('nextAllowedInstant with the default 20:00–08:00', () => {
  it.each([
    ['Europe/London', '2026-01-15T12:00:00Z', '2026-01-15T12:00:00.000Z'], // not quiet: now
    ['Europe/London', '2026-01-15T21:00:00Z', '2026-01-16T08:00:00.000Z'], // evening → tomorrow
    ['Europe/London', '2026-01-16T03:00:00Z', '2026-01-16T08:00:00.000Z'], // small hours → today
    // Across the spring-forward night: 22:00 GMT Sat → 08:00 BST Sun.
    ['Europe/London', '2026-03-28T22:00:00Z', '2026-03-29T07:00:00.000Z'],
    // Across the fall-back night: 22:00 BST Sat → 08:00 GMT Sun.
    ['Europe/London', '2026-10-24T21:00:00Z', '2026-10-25T08:00:00.000Z'],
    ['America/New_York', '2026-03-08T04:00:00Z', '2026-03-08T12:00:00.000Z'], // 23:00 EST → 08:00 EDT
    ['America/New_York', '2026-11-01T01:00:00Z', '2026-11-01T13:00:00.000Z'], // 21:00 EDT → 08:00 EST
    ['Asia/Tokyo', '2026-07-15T12:00:00Z', '2026-07-15T23:00:00.000Z'],
    ['Pacific/Auckland', '2026-06-15T18:00:00Z', '2026-06-15T20:00:00.000Z'], // 06:00 → 08:00 NZST
  ])('%s %s → %s', (zone, now, expected) => {
    expect(iso(nextAllowedInstant(at(now), zone))).toBe(expected);
  });

  it('returns the same instant when not quiet', () => {
    const now = at('2026-01-15T12:00:00Z');
    expect(nextAllowedInstant(now, 'Europe/London')).toBe(now);
  });
});

describe('other windows', () => {
  const lunch: QuietHours = { start: '12:00', end: '13:00' };

  it.each([
    ['2026-01-15T11:59:00Z', false],
    ['2026-01-15T12:00:00Z', true],
    ['2026-01-15T12:59:59Z', true],
    ['2026-01-15T13:00:00Z', false],
    ['2026-01-15T23:00:00Z', false],
  ])('a non-wrapping 12:00–13:00 at %s → %s', (now, quiet) => {
    expect(isQuiet(at(now), 'Europe/London', lunch)).toBe(quiet);
  });

  it('a non-wrapping window ends the same day', () => {
    expect(iso(nextAllowedInstant(at('2026-01-15T12:30:00Z'), 'Europe/London', lunch))).toBe(
      '2026-01-15T13:00:00.000Z',
    );
  });

  it('start === end is never quiet', () => {
    const off = { start: '09:00', end: '09:00' };
    for (const hour of ['00', '08', '09', '10', '21']) {
      const now = at(`2026-01-15T${hour}:00:00Z`);
      expect(isQuiet(now, 'Europe/London', off)).toBe(false);
      expect(nextAllowedInstant(now, 'Europe/London', off)).toBe(now);
    }
  });

  it('quiet ending inside a spring-forward gap ends when the gap does', () => {
    const quiet = { start: '22:00', end: '02:30' };
    const now = at('2026-03-08T06:00:00Z'); // 01:00 EST, New York
    expect(isQuiet(now, 'America/New_York', quiet)).toBe(true);
    const next = nextAllowedInstant(now, 'America/New_York', quiet);
    expect(iso(next)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(isQuiet(next, 'America/New_York', quiet)).toBe(false);
  });

  it('quiet starting inside a spring-forward gap starts when the gap ends', () => {
    const quiet = { start: '02:30', end: '06:00' };
    expect(isQuiet(at('2026-03-08T06:59:59Z'), 'America/New_York', quiet)).toBe(false); // 01:59 EST
    expect(isQuiet(at('2026-03-08T07:00:00Z'), 'America/New_York', quiet)).toBe(true); // 03:00 EDT
  });

  it('quiet ending in a repeated hour ends at the next time the clock reads the end', () => {
    const quiet = { start: '20:00', end: '01:30' };
    // 01:15 EDT, first pass → 01:30 EDT.
    expect(iso(nextAllowedInstant(at('2026-11-01T05:15:00Z'), 'America/New_York', quiet))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // 01:15 EST, second pass: the wall clock is back in the window → 01:30 EST, never the past.
    expect(iso(nextAllowedInstant(at('2026-11-01T06:15:00Z'), 'America/New_York', quiet))).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });

  it('rejects bad settings', () => {
    expect(() => isQuiet(at('2026-01-15T12:00:00Z'), 'Nowhere/Land')).toThrow(RangeError);
    expect(() => isQuiet(at('2026-01-15T12:00:00Z'), 'UTC', { start: '8pm', end: '08:00' })).toThrow(
      RangeError,
    );
  });
});

describe('nextAllowedInstant never goes back and always lands outside quiet hours', () => {
  const windows: QuietHours[] = [
    { start: '20:00', end: '08:00' },
    { start: '22:00', end: '02:30' },
    { start: '00:30', end: '01:30' },
    { start: '23:00', end: '00:00' },
    { start: '12:00', end: '13:00' },
  ];
  it.each([
    ['America/New_York', '2026-03-06T00:00:00Z'],
    ['America/New_York', '2026-10-30T00:00:00Z'],
    ['Europe/London', '2026-03-27T00:00:00Z'],
    ['Europe/London', '2026-10-23T00:00:00Z'],
    ['America/Santiago', '2026-09-04T00:00:00Z'],
    ['America/Santiago', '2026-04-03T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-02T00:00:00Z'], // a 30-minute DST shift
  ])('%s over 4 days from %s, every 7 minutes', (zone, from) => {
    const start = at(from).getTime();
    for (let ts = start; ts < start + 4 * 86_400_000; ts += 7 * 60_000) {
      const now = new Date(ts);
      for (const quiet of windows) {
        const next = nextAllowedInstant(now, zone, quiet);
        expect(next.getTime()).toBeGreaterThanOrEqual(ts);
        expect(next.getTime() - ts).toBeLessThan(86_400_000);
        expect(isQuiet(next, zone, quiet)).toBe(false);
      }
    }
  });
});
