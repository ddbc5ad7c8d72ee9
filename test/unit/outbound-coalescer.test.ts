import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Coalescer, createCoalescer, type Flush } from '../../src/core/outbound/coalescer.js';

/** A promise the test settles by hand: a Slack call that answers when told. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const ticks = () => new Promise((resolve) => setImmediate(resolve));

interface Harness {
  coalescer: Coalescer;
  /** Resolves when the coalescer has nothing left, as the app's lifecycle would. */
  idle(): Promise<void>;
  failures: Array<{ key: string; retrying: boolean }>;
  coalesced: number;
  /** What the pending gauge would show. */
  pending: number;
}

function harness(windowMs: number): Harness {
  let tracked: Promise<unknown> = Promise.resolve();
  const h: Harness = {
    coalescer: createCoalescer({
      windowMs,
      track: (work) => {
        tracked = work();
        return tracked;
      },
      observe: {
        pending: (_kind, delta) => {
          h.pending += delta;
        },
        coalesced: () => {
          h.coalesced += 1;
        },
      },
    }),
    idle: () => tracked.then(() => undefined),
    failures: [],
    coalesced: 0,
    pending: 0,
  };
  return h;
}

const flush = (h: Harness, key: string, run: () => Promise<void>, lane = 'T1|chat.update'): Flush => ({
  key,
  lane,
  kind: 'test',
  run,
  failed: (_error, retrying) => h.failures.push({ key, retrying }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the outbound coalescer', () => {
  it('sends a lone change at once, even with a window', async () => {
    const h = harness(1_000);
    const sent: string[] = [];
    h.coalescer.schedule(flush(h, 'm1', async () => void sent.push('m1')));
    await ticks();
    expect(sent).toEqual(['m1']);
    await h.idle();
  });

  it('keeps one call in flight per key; what arrives meanwhile becomes one more call, the latest', async () => {
    const h = harness(0);
    const first = deferred();
    const sent: string[] = [];
    h.coalescer.schedule(
      flush(h, 'm1', async () => {
        sent.push('v1');
        await first.promise;
      }),
    );
    await ticks();
    for (const v of ['v2', 'v3', 'v4']) h.coalescer.schedule(flush(h, 'm1', async () => void sent.push(v)));
    await ticks();
    expect(sent).toEqual(['v1']);
    first.resolve();
    await h.idle();
    expect(sent).toEqual(['v1', 'v4']);
    expect(h.coalesced).toBe(2);
    expect(h.pending).toBe(0);
    expect(h.coalescer.size).toBe(0);
  });

  it('sends at most once per window per key, the change inside it at the window’s end', async () => {
    vi.useFakeTimers();
    const h = harness(1_000);
    const sentAt: number[] = [];
    const send = () => flush(h, 'm1', async () => void sentAt.push(Date.now()));
    const start = Date.now();
    h.coalescer.schedule(send());
    await vi.advanceTimersByTimeAsync(100);
    h.coalescer.schedule(send());
    h.coalescer.schedule(send());
    await vi.advanceTimersByTimeAsync(800);
    expect(sentAt).toEqual([start]);
    await vi.advanceTimersByTimeAsync(200);
    expect(sentAt).toEqual([start, start + 1_000]);
    await vi.advanceTimersByTimeAsync(1_000);
    await h.idle();
    expect(h.coalescer.size).toBe(0);
  });

  it('sends one lane’s calls one at a time, in the order they became due; other lanes do not wait', async () => {
    const h = harness(0);
    const gate = deferred();
    const log: string[] = [];
    let running = 0;
    const call = (name: string, lane?: string) =>
      flush(
        h,
        name,
        async () => {
          running += 1;
          log.push(`${name}:${running}`);
          if (name === 'a') await gate.promise;
          running -= 1;
        },
        lane,
      );
    h.coalescer.schedule(call('a'));
    h.coalescer.schedule(call('b'));
    h.coalescer.schedule(call('c'));
    h.coalescer.schedule(call('home', 'T1|views.publish'));
    await ticks();
    expect(log).toEqual(['a:1', 'home:2']);
    gate.resolve();
    await h.idle();
    expect(log).toEqual(['a:1', 'home:2', 'b:1', 'c:1']);
  });

  it('pauses a lane for Retry-After and sends the rate-limited render again after it', async () => {
    vi.useFakeTimers();
    const h = harness(0);
    const sentAt: Record<string, number[]> = { m1: [], m2: [] };
    const start = Date.now();
    let refuse = true;
    h.coalescer.schedule(
      flush(h, 'm1', async () => {
        sentAt.m1?.push(Date.now() - start);
        if (refuse) {
          refuse = false;
          // What the Web API client reports on a 429, before it gives up.
          h.coalescer.pause('T1|chat.update', 2_000);
          throw new Error('ratelimited');
        }
      }),
    );
    h.coalescer.schedule(flush(h, 'm2', async () => void sentAt.m2?.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sentAt).toEqual({ m1: [0], m2: [] });
    await vi.advanceTimersByTimeAsync(1);
    await h.idle();
    expect(sentAt).toEqual({ m1: [0, 2_000], m2: [2_000] });
    expect(h.failures).toEqual([{ key: 'm1', retrying: true }]);
  });

  it('after a 429, starts the lane’s calls at the tier’s pace for a minute, then at once again', async () => {
    vi.useFakeTimers();
    const h = harness(0);
    const start = Date.now();
    const sentAt: number[] = [];
    const send = (key: string) => flush(h, key, async () => void sentAt.push(Date.now() - start));
    h.coalescer.pause('T1|chat.update', 1_000, 1_200);
    for (const key of ['m1', 'm2', 'm3']) h.coalescer.schedule(send(key));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sentAt).toEqual([1_000, 2_200, 3_400]);
    await vi.advanceTimersByTimeAsync(60_000);
    sentAt.length = 0;
    const later = Date.now() - start;
    for (const key of ['m4', 'm5']) h.coalescer.schedule(send(key));
    await vi.advanceTimersByTimeAsync(10);
    expect(sentAt).toEqual([later, later]);
    await h.idle();
  });

  it('reports a failure that no rate limit explains, and does not repeat the call', async () => {
    const h = harness(0);
    let calls = 0;
    h.coalescer.schedule(
      flush(h, 'm1', async () => {
        calls += 1;
        throw new Error('message_not_found');
      }),
    );
    await h.idle();
    expect(calls).toBe(1);
    expect(h.failures).toEqual([{ key: 'm1', retrying: false }]);
  });

  it('gives up after a few rate-limited tries, so a Slack that keeps refusing cannot hold shutdown', async () => {
    vi.useFakeTimers();
    const h = harness(0);
    let calls = 0;
    h.coalescer.schedule(
      flush(h, 'm1', async () => {
        calls += 1;
        h.coalescer.pause('T1|chat.update', 1_000);
        throw new Error('ratelimited');
      }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await h.idle();
    expect(calls).toBe(4);
    expect(h.failures.map((f) => f.retrying)).toEqual([true, true, true, false]);
    expect(h.pending).toBe(0);
  });

  it('property: the last render of each key shows its last change; never two calls at once per key or lane', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 25 }),
        async (s, changes) => {
          const h = harness(0);
          const version = new Map<string, number>();
          const shown = new Map<string, number>();
          const runningKeys = new Set<string>();
          const runningLanes = new Set<string>();
          let runs = 0;
          // Counted, not thrown: the coalescer catches what a run throws, as it does Slack's errors.
          let overlaps = 0;
          const laneOf = (key: string) => (key === 'c' ? 'T1|views.publish' : 'T1|chat.update');
          s.scheduleSequence(
            changes.map((key) => async () => {
              version.set(key, (version.get(key) ?? 0) + 1);
              h.coalescer.schedule(
                flush(
                  h,
                  key,
                  async () => {
                    const lane = laneOf(key);
                    if (runningKeys.has(key) || runningLanes.has(lane)) overlaps += 1;
                    runningKeys.add(key);
                    runningLanes.add(lane);
                    runs += 1;
                    // Rendered from the state when the call starts, as from the database.
                    const seen = version.get(key);
                    await s.schedule(Promise.resolve());
                    shown.set(key, seen ?? 0);
                    runningKeys.delete(key);
                    runningLanes.delete(lane);
                  },
                  laneOf(key),
                ),
              );
            }),
          );
          for (;;) {
            await ticks();
            if (s.count() === 0) break;
            await s.waitOne();
          }
          await h.idle();
          expect(overlaps).toBe(0);
          expect(h.pending).toBe(0);
          expect(h.failures).toEqual([]);
          expect(shown).toEqual(version);
          expect(runs).toBeLessThanOrEqual(changes.length);
          expect(h.coalescer.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
