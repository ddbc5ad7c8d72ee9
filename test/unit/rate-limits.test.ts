import { describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { UserError } from '../../src/domain/user-error.js';
import {
  configureDraftRateLimit,
  createRateLimiter,
  draftSlotRefusal,
  refusalMessage,
  takeDraftSlot,
} from '../../src/slack/rate-limits.js';
import { TestClock } from '../support/test-clock.js';

const LIMITS = { perUser: 2, perWorkspace: 3, windowMs: 60_000 };

function limiter() {
  let now = 0;
  const l = createRateLimiter(LIMITS, () => now);
  return { take: l.take, at: (ms: number) => (now = ms) };
}

describe('createRateLimiter', () => {
  it('lets a person take their limit, then says how long until their oldest request leaves the window', () => {
    const l = limiter();
    expect(l.take('T1', 'U1')).toBeUndefined();
    l.at(20_000);
    expect(l.take('T1', 'U1')).toBeUndefined();
    l.at(25_000);
    expect(l.take('T1', 'U1')).toEqual({ scope: 'user', limit: 2, windowMs: 60_000, waitMs: 35_000 });
    l.at(60_000);
    expect(l.take('T1', 'U1')).toBeUndefined();
  });

  it('caps the workspace as a whole, while other workspaces are untouched', () => {
    const l = limiter();
    expect(l.take('T1', 'U1')).toBeUndefined();
    expect(l.take('T1', 'U2')).toBeUndefined();
    l.at(1_000);
    expect(l.take('T1', 'U3')).toBeUndefined();
    expect(l.take('T1', 'U4')).toMatchObject({ scope: 'workspace', limit: 3, waitMs: 59_000 });
    expect(l.take('T2', 'U4')).toBeUndefined();
  });

  it('counts nothing for a refused request, so hammering does not push the wait further out', () => {
    const l = limiter();
    l.take('T1', 'U1');
    l.take('T1', 'U1');
    for (let at = 1_000; at < 60_000; at += 1_000) {
      l.at(at);
      expect(l.take('T1', 'U1')?.waitMs).toBe(60_000 - at);
    }
    l.at(60_000);
    expect(l.take('T1', 'U1')).toBeUndefined();
    // A refused person did not use up the workspace's slots either.
    expect(l.take('T1', 'U2')).toBeUndefined();
  });
});

describe('draft slots', () => {
  const deps = (clock: TestClock) => ({ clock }) as unknown as Deps;

  it('refuse with the actual seconds to wait, on the app’s clock', () => {
    const clock = new TestClock('2026-11-23T09:30:00Z');
    const d = deps(clock);
    configureDraftRateLimit(d, LIMITS);
    expect(draftSlotRefusal(d, 'T1', 'U1')).toBeUndefined();
    clock.advance(20_000);
    expect(draftSlotRefusal(d, 'T1', 'U1')).toBeUndefined();
    clock.advance(0.5);
    expect(() => takeDraftSlot(d, 'T1', 'U1')).toThrow(UserError);
    expect(draftSlotRefusal(d, 'T1', 'U1')).toBe(
      'Too many drafts at once: you have asked for 2 in the last minute. Nothing was saved; try again in 40 s.',
    );
    clock.advance(40_000);
    expect(draftSlotRefusal(d, 'T1', 'U1')).toBeUndefined();
  });

  it('default to five a person and thirty a workspace a minute when the app set none', () => {
    const d = deps(new TestClock());
    for (let i = 0; i < 5; i++) expect(draftSlotRefusal(d, 'T1', 'U1')).toBeUndefined();
    expect(draftSlotRefusal(d, 'T1', 'U1')).toMatch(/you have asked for 5 in the last minute/);
  });

  it('word a workspace refusal and a window other than a minute', () => {
    expect(refusalMessage('drafts', { scope: 'workspace', limit: 30, windowMs: 10_000, waitMs: 1_200 })).toBe(
      'Too many drafts at once: this workspace has asked for 30 in the last 10 seconds. Nothing was saved; try again in 2 s.',
    );
  });
});
