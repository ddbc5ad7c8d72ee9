import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { createFairLimiter, type FairQueueDepth, QueueFullError } from '../../slack/limiter.js';
import type { QueueLimits } from './command-queue.js';

/**
 * Four at once keeps a burst of reactions from crowding the connection pool. A waiting event is a
 * pending promise holding its payload (a few KB), so 1,000 of them cost a few MB; at the 100–200
 * events a second Tandem handles, that is five to ten seconds of backlog. Beyond it something is
 * flooding the app (every message of a busy channel arrives as an event) and memory would grow
 * without bound: the excess is dropped instead.
 */
export const EVENT_QUEUE: QueueLimits = { concurrency: 4, maxWaiting: 1_000 };

// One queue per app (keyed by its Deps), so two apps in one process never count each other's.
const depths = new WeakMap<Deps, () => FairQueueDepth>();

/** The events of one app being handled and waiting now, and over how many workspaces they wait. */
export function eventQueueDepth(deps: Deps): FairQueueDepth {
  return depths.get(deps)?.() ?? { running: 0, waiting: 0, lanes: 0, longestLane: 0 };
}

/**
 * Bolt acks Events API requests before any middleware runs, so events can wait their turn
 * without Slack timing out. Running at most `concurrency` at once keeps a burst (fifty people
 * reacting in the same second) queued as cheap pending promises instead of hundreds of
 * interleaved database calls, so the event loop stays free to ack the next requests at once.
 * Each workspace's events wait in a lane of their own, in the order they came, and the lanes take
 * turns: a flood from one workspace (a busy channel, a thousand-person claim race) delays another
 * workspace's next event by one turn of each busy workspace, not by the flood. An event refused
 * for a full queue is logged and dropped: Slack expects no reply to an event, and has its ack
 * already, so it will not retry it either.
 */
export function limitEventConcurrency(deps: Deps, limits: QueueLimits): Middleware<AnyMiddlewareArgs> {
  const { logger } = deps;
  const limit = createFairLimiter(limits.concurrency, limits.maxWaiting, 'events');
  depths.set(deps, limit.depth);
  return async ({ body, context, next }) => {
    const envelope = body as {
      type?: string;
      team_id?: string;
      event_id?: string;
      event?: { type?: string };
    };
    if (envelope.type !== 'event_callback') {
      await next();
      return;
    }
    let started = false;
    try {
      // Org-wide installs send some events with only the organisation's id.
      await limit(context.teamId ?? envelope.team_id ?? context.enterpriseId ?? '', () => {
        started = true;
        return next();
      });
    } catch (error) {
      if (started || !(error instanceof QueueFullError)) throw error;
      logger.warn(
        { teamId: envelope.team_id, eventId: envelope.event_id, eventType: envelope.event?.type },
        'event queue full; event dropped',
      );
    }
  };
}
