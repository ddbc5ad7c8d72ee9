import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Bolt acks Events API requests before any middleware runs, so events can wait their turn
 * without Slack timing out. Running at most `max` at once keeps a burst (fifty people reacting
 * in the same second) queued as cheap pending promises instead of hundreds of interleaved
 * database calls, so the event loop stays free to ack the next requests at once.
 */
export function limitEventConcurrency(max: number): Middleware<AnyMiddlewareArgs> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async ({ body, next }) => {
    if ((body as { type?: string }).type !== 'event_callback') {
      await next();
      return;
    }
    if (running < max) running++;
    // A finishing event hands its slot straight to the next in line, so `running` never overshoots.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      await next();
    } finally {
      const successor = waiting.shift();
      if (successor) successor();
      else running--;
    }
  };
}
