import { describe, expect, it } from 'vitest';
import {
  isValidTimezone,
  isZoneAbbreviation,
  resolveTimezone,
  suggestTimezone,
} from '../../../src/domain/time/timezone.js';

describe('resolveTimezone / isValidTimezone', () => {
  it.each([
    ['Europe/London', 'Europe/London'],
    ['europe/london', 'Europe/London'],
    ['  Europe/London ', 'Europe/London'],
    ['America/New_York', 'America/New_York'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['Pacific/Auckland', 'Pacific/Auckland'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['US/Eastern', 'America/New_York'],
  ])('%j → %s', (input, expected) => {
    expect(resolveTimezone(input)).toBe(expected);
    expect(isValidTimezone(input)).toBe(true);
  });

  it.each([
    ['EST'],
    ['CET'],
    ['GMT'],
    ['london'],
    ['Europe/Londn'],
    ['Mars/Olympus'],
    [''],
    ['Europe/'],
    ['/'],
    ['x'.repeat(500)],
  ])('rejects %j', (input) => {
    expect(resolveTimezone(input)).toBeNull();
    expect(isValidTimezone(input)).toBe(false);
  });
});

describe('suggestTimezone', () => {
  it.each([
    ['london', 'Europe/London'],
    ['London', 'Europe/London'],
    ['Europe/Londn', 'Europe/London'],
    ['Europe/Lodnon', 'Europe/London'],
    ['europe/london', 'Europe/London'],
    ['EST', 'America/New_York'],
    ['est', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['GMT', 'Europe/London'],
    ['CET', 'Europe/Berlin'],
    ['IST', 'Asia/Kolkata'],
    ['new york', 'America/New_York'],
    ['New_York', 'America/New_York'],
    ['nyc', 'America/New_York'],
    ['San Francisco', 'America/Los_Angeles'],
    ['Tokio', 'Asia/Tokyo'],
    ['sydney', 'Australia/Sydney'],
    ['paris', 'Europe/Paris'],
    ['America/Los Angeles', 'America/Los_Angeles'],
    ['Amercia/Chicago', 'America/Chicago'],
    ['auckland', 'Pacific/Auckland'],
  ])('%j → %s', (input, expected) => {
    expect(suggestTimezone(input)).toBe(expected);
  });

  it.each([['xyz'], [''], ['🎉'], ['Somewhere/Else'], ['q'.repeat(200)]])('has nothing for %j', (input) => {
    expect(suggestTimezone(input)).toBeNull();
  });

  it('only ever suggests names that are valid', () => {
    for (const input of ['london', 'EST', 'IST', 'nyc', 'Tokio', 'Amercia/Chicago', 'kiev', 'calcutta']) {
      const suggestion = suggestTimezone(input);
      expect(suggestion && isValidTimezone(suggestion)).toBe(true);
    }
  });
});

describe('isZoneAbbreviation', () => {
  it.each([
    ['EST', true],
    ['CET', true],
    ['GMT', true],
    ['paris', false],
    ['Europe/London', false],
    ['UTC', false],
  ])('%s → %s', (input, expected) => {
    expect(isZoneAbbreviation(input)).toBe(expected);
  });
});
