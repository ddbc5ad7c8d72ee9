import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { createLimiter } from './limiter.js';

/** Slash commands worked on at once per app; the pool has ten connections. */
export const COMMAND_CONCURRENCY = 8;

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

const limiters = new WeakMap<object, ReturnType<typeof createLimiter>>();

/**
 * Acks a slash command at once, then waits its turn with the other commands of the same app
 * (`owner`: one per app, e.g. its Deps). Unbounded, a burst of commands all asked the pool for a
 * connection together, and those that waited past the transaction's limit failed with an
 * apology; queued, they finish a little later instead, and the ack never waits for the work.
 */
export function queuedCommand(owner: object, listener: (args: CommandArgs) => Promise<void>) {
  return async (args: CommandArgs): Promise<void> => {
    await args.ack();
    let limit = limiters.get(owner);
    if (!limit) {
      limit = createLimiter(COMMAND_CONCURRENCY);
      limiters.set(owner, limit);
    }
    // The listener still calls ack() first thing; Slack has had it already.
    await limit(() => listener({ ...args, ack: async () => {} }));
  };
}
