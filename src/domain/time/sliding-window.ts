/**
 * A sliding-window log: at most `limit` requests in any `windowMs`. Unlike fixed one-minute
 * buckets it allows no burst of twice the limit across a bucket edge, and it can say exactly
 * when the next slot frees: when the oldest request still counted leaves the window.
 */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** The request times still inside the window at `now`, oldest first. */
export function inWindow(times: readonly number[], now: number, windowMs: number): number[] {
  return times.filter((t) => t > now - windowMs);
}

/** Milliseconds until one more request fits (0: it fits now), given the times in the window. */
export function waitFor(times: readonly number[], now: number, { limit, windowMs }: WindowLimit): number {
  const counted = inWindow(times, now, windowMs);
  if (counted.length < limit) return 0;
  // The oldest counted requests must leave until only limit − 1 remain.
  const freeing = counted[counted.length - limit] ?? now;
  return Math.max(1, freeing + windowMs - now);
}
