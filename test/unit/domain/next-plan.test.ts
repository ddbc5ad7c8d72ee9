import { describe, expect, it } from 'vitest';
import {
  nextLocalMidnight,
  nextPlanInstant,
  type PlanBoundaries,
} from '../../../src/domain/time/next-plan.js';

const none: PlanBoundaries = {
  snoozeEnds: null,
  unownedCreatedAt: null,
  respondBy: null,
  embargoUntil: null,
};
const DAY = 24 * 60 * 60 * 1000;
const rules = { unownedAfterMs: DAY, embargoNoticeMs: DAY };
const at = (iso: string) => new Date(iso);

describe('nextLocalMidnight', () => {
  it('is the start of the next day in the workspace’s zone', () => {
    expect(nextLocalMidnight(at('2026-11-23T12:00:00Z'), 'UTC')).toEqual(at('2026-11-24T00:00:00Z'));
    expect(nextLocalMidnight(at('2026-11-23T12:00:00Z'), 'America/New_York')).toEqual(
      at('2026-11-24T05:00:00Z'),
    );
    expect(nextLocalMidnight(at('2026-11-23T23:30:00Z'), 'Asia/Tokyo')).toEqual(at('2026-11-24T15:00:00Z'));
  });

  it('counts a 23-hour and a 25-hour day right across DST', () => {
    // London springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(nextLocalMidnight(at('2026-03-29T00:30:00Z'), 'Europe/London')).toEqual(
      at('2026-03-29T23:00:00Z'),
    );
    expect(nextLocalMidnight(at('2026-10-24T23:30:00Z'), 'Europe/London')).toEqual(
      at('2026-10-26T00:00:00Z'),
    );
  });

  it('uses the first instant of a day whose midnight does not exist', () => {
    // Santiago skipped 00:00–01:00 on 7 September 2025 (clocks went from 24:00 to 01:00).
    const next = nextLocalMidnight(at('2025-09-06T12:00:00Z'), 'America/Santiago');
    expect(next).toEqual(at('2025-09-07T04:00:00Z'));
  });

  it('is null for a zone nobody knows', () => {
    expect(nextLocalMidnight(at('2026-11-23T12:00:00Z'), 'Mars/Olympus')).toBeNull();
  });
});

describe('nextPlanInstant', () => {
  const now = at('2026-11-23T12:00:00Z');

  it('is the next local midnight when nothing else is ahead', () => {
    expect(nextPlanInstant(now, 'UTC', none, rules)).toEqual(at('2026-11-24T00:00:00Z'));
  });

  it('is the earliest of a snooze ending, a day unowned, a response deadline and an embargo notice', () => {
    expect(nextPlanInstant(now, 'UTC', { ...none, snoozeEnds: at('2026-11-23T15:00:00Z') }, rules)).toEqual(
      at('2026-11-23T15:00:00Z'),
    );
    expect(
      nextPlanInstant(now, 'UTC', { ...none, unownedCreatedAt: at('2026-11-22T18:00:00Z') }, rules),
    ).toEqual(at('2026-11-23T18:00:00Z'));
    expect(nextPlanInstant(now, 'UTC', { ...none, respondBy: at('2026-11-23T12:01:00Z') }, rules)).toEqual(
      at('2026-11-23T12:01:00Z'),
    );
    expect(nextPlanInstant(now, 'UTC', { ...none, embargoUntil: at('2026-11-24T13:00:00Z') }, rules)).toEqual(
      at('2026-11-23T13:00:00Z'),
    );
    const all = {
      snoozeEnds: at('2026-11-23T20:00:00Z'),
      unownedCreatedAt: at('2026-11-22T19:00:00Z'),
      respondBy: at('2026-11-23T21:00:00Z'),
      embargoUntil: at('2026-11-24T22:00:00Z'),
    };
    expect(nextPlanInstant(now, 'UTC', all, rules)).toEqual(at('2026-11-23T19:00:00Z'));
  });

  it('ignores instants that are not ahead, and is always after now', () => {
    const past = { ...none, snoozeEnds: now, respondBy: at('2026-11-23T11:00:00Z') };
    expect(nextPlanInstant(now, 'UTC', past, rules)).toEqual(at('2026-11-24T00:00:00Z'));
  });

  it('looks again within the hour when the zone is unknown', () => {
    expect(nextPlanInstant(now, 'Mars/Olympus', none, rules)).toEqual(at('2026-11-23T13:00:00Z'));
  });
});
