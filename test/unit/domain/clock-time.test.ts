import { describe, expect, it } from 'vitest';
import { parseClockTime } from '../../../src/domain/time/clock-time.js';

describe('parseClockTime', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['9', '09:00'],
    ['0900', '09:00'],
    ['17:30', '17:30'],
    ['17.30', '17:30'],
    ['17h30', '17:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['9am', '09:00'],
    ['9 AM', '09:00'],
    ['9a.m.', '09:00'],
    ['9:15pm', '21:15'],
    ['5:30 pm', '17:30'],
    ['5p', '17:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['12:30am', '00:30'],
    ['noon', '12:00'],
    ['Midnight', '00:00'],
    [' 09:00 ', '09:00'],
  ])('%j → %s', (input, expected) => {
    expect(parseClockTime(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'What time?'],
    ['25:00', 'the hour goes from 00 to 23'],
    ['24:00', 'the hour goes from 00 to 23'],
    ['9:60', 'has 60 minutes'],
    ['13pm', 'with am/pm the hour goes from 1 to 12'],
    ['0am', 'with am/pm the hour goes from 1 to 12'],
    ['9:5', 'is not a time I can read'],
    ['nine', 'is not a time I can read'],
    ['9:00:00', 'is not a time I can read'],
    ['-1:00', 'is not a time I can read'],
    ['🕘', 'is not a time I can read'],
  ])('rejects %j', (input, message) => {
    const result = parseClockTime(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.example).toBe('/tandem set digest-time 09:00');
  });
});
