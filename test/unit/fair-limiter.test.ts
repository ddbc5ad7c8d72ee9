import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFairLimiter, createLimiter, QueueFullError } from '../../src/slack/limiter.js';

/** A task that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    task: async () => {
      log.push(name);
      await opened;
      return name;
    },
    open,
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Submits `work` (lane per task) to a limiter of `max` slots, then lets tasks finish one at a time
 * (the oldest running first) and returns the order they started in, and which were refused.
 */
async function drive(max: number, maxWaiting: number, work: string[]) {
  const limit = createFairLimiter(max, maxWaiting);
  const started: string[] = [];
  const refused: string[] = [];
  const gates = new Map<string, () => void>();
  const done: Promise<unknown>[] = [];
  work.forEach((lane, i) => {
    const name = `${lane}${i}`;
    const g = gate(started, name);
    gates.set(name, g.open);
    done.push(
      limit(lane, g.task).catch((error: unknown) => {
        if (!(error instanceof QueueFullError)) throw error;
        refused.push(name);
      }),
    );
  });
  await settle();
  let finished = 0;
  while (finished < started.length) {
    gates.get(started[finished] as string)?.();
    finished++;
    await settle();
  }
  await Promise.all(done);
  return { started, refused, depth: limit.depth() };
}

describe('createFairLimiter', () => {
  it('runs each lane in the order its tasks came', async () => {
    const { started } = await drive(1, 100, ['A', 'A', 'A', 'A']);
    expect(started).toEqual(['A0', 'A1', 'A2', 'A3']);
  });

  it('gives the lanes turns: a later lane does not wait behind an earlier lane’s backlog', async () => {
    const { started } = await drive(1, 100, ['A', 'A', 'A', 'A', 'A', 'B', 'C', 'B']);
    // A0 was running; then A, B, C take turns among those waiting.
    expect(started).toEqual(['A0', 'A1', 'B5', 'C6', 'A2', 'B7', 'A3', 'A4']);
  });

  it('never runs more than its slots at once', async () => {
    const limit = createFairLimiter(2, 100);
    const log: string[] = [];
    const gates = ['A', 'A', 'B', 'B', 'C'].map((lane, i) => {
      const g = gate(log, `${lane}${i}`);
      return { ...g, done: limit(lane, g.task) };
    });
    await settle();
    expect(log).toEqual(['A0', 'A1']);
    expect(limit.depth()).toEqual({ running: 2, waiting: 3, lanes: 2, longestLane: 2 });
    for (const g of gates) g.open();
    await Promise.all(gates.map((g) => g.done));
    expect(limit.depth()).toEqual({ running: 0, waiting: 0, lanes: 0, longestLane: 0 });
  });

  it('when full, the longest lane gives up its newest task for another lane, and refuses its own newcomers', async () => {
    const { started, refused } = await drive(1, 3, ['A', 'A', 'A', 'A', 'A', 'B']);
    // A0 runs, A1–A3 fill the three places; A4 is refused; B5 takes A3's place.
    expect(refused).toEqual(['A4', 'A3']);
    expect(started).toEqual(['A0', 'A1', 'B5', 'A2']);
  });

  it('with one lane, is the plain first-come limiter', async () => {
    const limit = createLimiter(1, 1);
    const log: string[] = [];
    const first = gate(log, 'one');
    const running = limit(first.task);
    const waiting = limit(async () => 'two');
    await expect(limit(async () => 'three')).rejects.toBeInstanceOf(QueueFullError);
    expect(limit.depth()).toEqual({ running: 1, waiting: 1 });
    first.open();
    expect(await Promise.all([running, waiting])).toEqual(['one', 'two']);
  });

  const lanes = fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { minLength: 1, maxLength: 40 });

  it('property: every task runs or is refused exactly once, and the cap holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        lanes,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 10 }),
        async (work, max, cap) => {
          const { started, refused, depth } = await drive(max, cap, work);
          expect([...started, ...refused].sort()).toEqual(work.map((lane, i) => `${lane}${i}`).sort());
          expect(new Set(started).size).toBe(started.length);
          // All were submitted at once: at most `max` start at once and `cap` wait.
          expect(started.length).toBeLessThanOrEqual(Math.min(work.length, max + cap));
          expect(depth).toEqual({ running: 0, waiting: 0, lanes: 0, longestLane: 0 });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: within a lane, tasks start in the order they came', async () => {
    await fc.assert(
      fc.asyncProperty(lanes, fc.integer({ min: 1, max: 3 }), async (work, max) => {
        const { started } = await drive(max, 1_000, work);
        for (const lane of ['A', 'B', 'C', 'D']) {
          const order = started.filter((n) => n.startsWith(lane)).map((n) => Number(n.slice(1)));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property: a lane’s first waiting task starts within one turn of every other lane', async () => {
    await fc.assert(
      fc.asyncProperty(lanes, fc.constantFrom('A', 'B', 'C', 'D'), async (work, late) => {
        // `late` comes last, after everyone else's backlog, with one slot for all.
        const all = [...work, late];
        const { started } = await drive(1, 1_000, all);
        const lateName = `${late}${all.length - 1}`;
        const waitingBefore = started.slice(1, started.indexOf(lateName));
        const otherLanes = new Set(work.slice(1).filter((lane) => lane !== late));
        const ownBacklog = work.slice(1).filter((lane) => lane === late).length;
        // Its own earlier tasks go first (first in, first out); of every other lane, at most one
        // task per turn it waited.
        for (const lane of otherLanes) {
          const theirs = waitingBefore.filter((n) => n.startsWith(lane)).length;
          expect(theirs).toBeLessThanOrEqual(ownBacklog + 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
