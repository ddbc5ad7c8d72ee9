import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPacer, PACE_MS } from '../../src/core/outbound/pacer.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A Slack call that takes `ms` and records when it started, relative to `start`. */
const call =
  (log: Array<[string, number]>, name: string, start: number, ms = 0) =>
  async () => {
    log.push([name, Date.now() - start]);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };

describe('the per-workspace, per-method pacer', () => {
  it('sends one lane’s calls one at a time, answers first, while another lane goes its own way', async () => {
    vi.useFakeTimers();
    const pacer = createPacer();
    const start = Date.now();
    const log: Array<[string, number]> = [];
    const done = [
      pacer.run('T1|chat.postEphemeral', call(log, 'a', start, 100)),
      pacer.run('T1|chat.postEphemeral', call(log, 'notice', start, 100), 0),
      pacer.run('T1|chat.postEphemeral', call(log, 'answer', start, 100), 1),
      pacer.run('T2|chat.postEphemeral', call(log, 'other', start, 100)),
    ];
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(done);
    // `a` was under way; the answer overtakes the notice that waited; T2 never waits for T1.
    expect(log).toEqual([
      ['a', 0],
      ['other', 0],
      ['answer', 100],
      ['notice', 200],
    ]);
  });

  it('holds every waiting call of the method for Retry-After, then sends them at the tier’s pace', async () => {
    vi.useFakeTimers();
    const pacer = createPacer();
    const start = Date.now();
    const log: Array<[string, number]> = [];
    const lane = 'T1|chat.postEphemeral';
    // The first call meets the 429 while 20 more wait behind it.
    const first = pacer.run(lane, async () => {
      log.push(['first', 0]);
      pacer.pause(lane, 30_000, 600);
      // The client waits out Retry-After and sends it again: it ends then.
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    });
    const rest = Array.from({ length: 20 }, (_, i) => pacer.run(lane, call(log, `n${i}`, start)));
    expect(pacer.limitedAt(lane)).toBe(start);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(log).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(21 * 600);
    await Promise.all([first, ...rest]);
    const starts = log.slice(1).map(([, at]) => at);
    expect(starts[0]).toBe(30_600);
    // Never two within the tier's interval (100 a minute), so no second 429 comes of the burst.
    expect(starts.slice(1).every((at, i) => at - (starts[i] ?? 0) >= 600)).toBe(true);
  });

  it('keeps the pace while the backlog lasts, past the first minute, and goes at once after a quiet minute', async () => {
    vi.useFakeTimers();
    const pacer = createPacer();
    const start = Date.now();
    const lane = 'T1|chat.update';
    pacer.pause(lane, 1_000, 1_200);
    const log: Array<[string, number]> = [];
    // A steady trickle, one every second for 90 s: slower to arrive than the pace allows.
    for (let i = 0; i < 90; i++) {
      void pacer.run(lane, call(log, `c${i}`, start));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    const starts = log.map(([, at]) => at);
    expect(starts.slice(1).every((at, i) => at - (starts[i] ?? 0) >= 1_200)).toBe(true);
    expect(starts.at(-1)).toBeGreaterThan(PACE_MS + 30_000);
    // A quiet minute later, the pace is over and a burst goes at once.
    await vi.advanceTimersByTimeAsync(PACE_MS);
    expect(pacer.lanes).toBe(0);
    log.length = 0;
    const now = Date.now() - start;
    await Promise.all([pacer.run(lane, call(log, 'x', start)), pacer.run(lane, call(log, 'y', start))]);
    expect(log).toEqual([
      ['x', now],
      ['y', now],
    ]);
  });

  it('rejects the call that failed and goes on with the next', async () => {
    const pacer = createPacer();
    const ran: string[] = [];
    const failed = pacer.run('T1|chat.update', async () => {
      throw new Error('channel_not_found');
    });
    const next = pacer.run('T1|chat.update', async () => void ran.push('next'));
    await expect(failed).rejects.toThrow('channel_not_found');
    await next;
    expect(ran).toEqual(['next']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pacer.lanes).toBe(0);
  });
});
