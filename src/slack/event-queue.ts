import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { createLimiter } from './limiter.js';

/**
 * Bolt acks Events API requests before any middleware runs, so events can wait their turn
 * without Slack timing out. Running at most `max` at once keeps a burst (fifty people reacting
 * in the same second) queued as cheap pending promises instead of hundreds of interleaved
 * database calls, so the event loop stays free to ack the next requests at once.
 */
export function limitEventConcurrency(max: number): Middleware<AnyMiddlewareArgs> {
  const limit = createLimiter(max);
  return async ({ body, next }) => {
    if ((body as { type?: string }).type !== 'event_callback') {
      await next();
      return;
    }
    await limit(next);
  };
}
