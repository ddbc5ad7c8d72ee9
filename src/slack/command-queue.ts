import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import { createLimiter } from './limiter.js';
import { firstDelivery } from './replays.js';

/** Slash commands worked on at once per app; the pool has ten connections. */
export const COMMAND_CONCURRENCY = 8;

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

const limiters = new WeakMap<Deps, ReturnType<typeof createLimiter>>();

/**
 * Acks a slash command at once, then waits its turn with the other commands of the same app.
 * Unbounded, a burst of commands all asked the pool for a connection together, and those that
 * waited past the transaction's limit failed with an apology; queued, they finish a little later
 * instead, and the ack never waits for the work. A replayed command is recognised here, after
 * the ack and within the queue's bounds, and goes no further.
 */
export function queuedCommand(deps: Deps, listener: (args: CommandArgs) => Promise<void>) {
  return async (args: CommandArgs): Promise<void> => {
    await args.ack();
    let limit = limiters.get(deps);
    if (!limit) {
      limit = createLimiter(COMMAND_CONCURRENCY);
      limiters.set(deps, limit);
    }
    await limit(async () => {
      if (!(await firstDelivery(deps, args.context, args.body))) return;
      // The listener still calls ack() first thing; Slack has had it already.
      await listener({ ...args, ack: async () => {} });
    });
  };
}
