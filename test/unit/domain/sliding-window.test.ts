import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inWindow, waitFor } from '../../../src/domain/time/sliding-window.js';

const MINUTE = 60_000;

describe('waitFor (sliding-window log)', () => {
  it.each<[string, number[], number, number]>([
    ['nothing yet', [], 0, 0],
    ['under the limit', [0, 1_000], 2_000, 0],
    ['at the limit: until the oldest leaves', [0, 10_000, 20_000], 20_000, 40_000],
    ['over the limit (a lowered limit): until enough have left', [0, 10_000, 20_000, 30_000], 30_000, 40_000],
    ['the oldest just left', [0, 10_000, 20_000], MINUTE, 0],
    ['one millisecond before it leaves', [0, 10_000, 20_000], MINUTE - 1, 1],
  ])('%s', (_name, times, now, expected) => {
    expect(waitFor(times, now, { limit: 3, windowMs: MINUTE })).toBe(expected);
  });

  it('after waiting as told, one more request fits; a moment earlier, none does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 20 }).map((t) => t.sort((a, b) => a - b)),
        fc.integer({ min: 1, max: 10 }),
        (times, limit) => {
          const now = times.at(-1) ?? 0;
          const wait = waitFor(times, now, { limit, windowMs: MINUTE });
          expect(inWindow(times, now + wait, MINUTE).length).toBeLessThan(limit);
          if (wait > 0) expect(inWindow(times, now + wait - 1, MINUTE).length).toBeGreaterThanOrEqual(limit);
        },
      ),
    );
  });
});
