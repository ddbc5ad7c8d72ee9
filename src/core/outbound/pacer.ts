import PQueue from 'p-queue';

/** Slack counts its tiers per rolling minute: the pace lasts that long after the last call. */
export const PACE_MS = 60_000;

interface Lane {
  queue: PQueue;
  /** When a rate limit was last reported, to tell a call that failed because of it. */
  limitedAt: number;
  pausedUntil: number;
  /** Once rate-limited, calls start at least `gapMs` after the last one ended, until `paceUntil`. */
  gapMs: number;
  paceUntil: number;
  lastEnd: number;
  /** Keeps the lane (its pause, its pace) while it has no calls. */
  timer?: NodeJS.Timeout | undefined;
}

export interface Pacer {
  /**
   * Runs `call` in `lane` (one workspace's Slack method): one call at a time, higher `priority`
   * first, then in order of arrival; resolves when it has run. A call that throws rejects.
   */
  run(lane: string, call: () => Promise<void>, priority?: number): Promise<void>;
  /**
   * Slack's Retry-After: no call in `lane` starts for `ms`, however many wait; they keep their
   * order. Then they start at least `gapMs` apart (the tier's own pace) for as long as the lane
   * stays busy, and a minute beyond.
   */
  pause(lane: string, ms: number, gapMs?: number): void;
  /** When `lane` was last rate-limited (ms, the pacer's clock); -Infinity if never. */
  limitedAt(lane: string): number;
  /** Lanes alive: with calls, a pause or a pace. */
  readonly lanes: number;
}

/**
 * Sends one workspace's calls to one Slack method one at a time, so that a 429 meets a single
 * call, and pauses the whole method, not just that call, for Slack's Retry-After. Calls waiting
 * meanwhile would otherwise each draw a 429 of their own. Slack's window is a rolling minute:
 * after the pause a backlog drains at the tier's rate, one call leaving as an old one leaves
 * Slack's count, and keeps that pace until the lane has been quiet for a minute. Before any 429
 * calls go as fast as they come: Slack allows short bursts over its average.
 */
export function createPacer(options: { now?: () => number } = {}): Pacer {
  const now = options.now ?? Date.now;
  const lanes = new Map<string, Lane>();

  // A lane lives while it has calls, a pause or a pace; lanes stay as few as the workspaces at work.
  const forgetIdleLane = (name: string) => {
    const lane = lanes.get(name);
    if (!lane || lane.queue.size > 0 || lane.queue.pending > 0 || lane.timer !== undefined) return;
    const paced = lane.paceUntil - now();
    if (paced <= 0) {
      lanes.delete(name);
      return;
    }
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      forgetIdleLane(name);
    }, paced);
    lane.timer.unref();
  };

  const laneOf = (name: string): Lane => {
    let lane = lanes.get(name);
    if (!lane) {
      lane = {
        queue: new PQueue({ concurrency: 1 }),
        limitedAt: Number.NEGATIVE_INFINITY,
        pausedUntil: 0,
        gapMs: 0,
        paceUntil: 0,
        lastEnd: Number.NEGATIVE_INFINITY,
      };
      lane.queue.on('idle', () => forgetIdleLane(name));
      lanes.set(name, lane);
    }
    return lane;
  };

  return {
    run(name, call, priority = 0) {
      const lane = laneOf(name);
      return lane.queue.add(
        async () => {
          const paced = lane.paceUntil > now();
          const wait = paced ? lane.lastEnd + lane.gapMs - now() : 0;
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          try {
            await call();
          } finally {
            // Counted from a call's end: the client may have sent it again, after Retry-After, at its end.
            lane.lastEnd = now();
            if (paced) lane.paceUntil = Math.max(lane.paceUntil, lane.lastEnd + PACE_MS);
          }
        },
        { priority },
      );
    },
    pause(name, ms, gapMs = 0) {
      const lane = laneOf(name);
      const at = now();
      lane.limitedAt = at;
      lane.gapMs = gapMs;
      lane.paceUntil = Math.max(lane.paceUntil, at + ms + PACE_MS);
      if (at + ms <= lane.pausedUntil) return;
      lane.pausedUntil = at + ms;
      lane.queue.pause();
      clearTimeout(lane.timer);
      lane.timer = setTimeout(() => {
        lane.timer = undefined;
        lane.queue.start();
        forgetIdleLane(name);
      }, ms);
    },
    limitedAt(name) {
      return lanes.get(name)?.limitedAt ?? Number.NEGATIVE_INFINITY;
    },
    get lanes() {
      return lanes.size;
    },
  };
}
