import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { context, type SlackMessage, section } from '../../slack/blocks.js';
import { createFairLimiter, type QueueDepth, QueueFullError } from '../../slack/limiter.js';
import { escapeText, inlineCode } from '../../slack/mrkdwn.js';
import { privately } from '../../slack/reply.js';
import { firstDelivery } from './replays.js';

export interface QueueLimits {
  /** Worked on at once. */
  concurrency: number;
  /** Waiting for a turn; one more is refused at once. */
  maxWaiting: number;
}

/**
 * Eight at once leaves two of the pool's ten connections for events and the scheduler. At about
 * 12 ms of CPU each, 200 waiting commands are two to three seconds of work: a person still gets
 * a timely answer from the last of them, while a flood beyond that is told at once instead of
 * holding memory and answering minutes late.
 */
export const COMMAND_QUEUE: QueueLimits = { concurrency: 8, maxWaiting: 200 };

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type Limiter = ReturnType<typeof createFairLimiter>;

const limiters = new WeakMap<Deps, Limiter>();

/** Sets the queue's limits for one app (`buildApp` does, before features register). */
export function configureCommandQueue(deps: Deps, limits: QueueLimits): void {
  limiters.set(deps, createFairLimiter(limits.concurrency, limits.maxWaiting, 'commands'));
}

/** The commands of one app running and waiting now, this one included when asked from a command. */
export function commandQueueDepth(deps: Deps): QueueDepth {
  const depth = limiters.get(deps)?.depth();
  return depth ? { running: depth.running, waiting: depth.waiting } : { running: 0, waiting: 0 };
}

export function busyMessage(typed: string): SlackMessage {
  const text = 'Tandem is busy right now — nothing was changed; try again in a minute.';
  return {
    text,
    blocks: [section(`:hourglass: ${escapeText(text)}`), context(`You typed: ${inlineCode(typed)}`)],
  };
}

/**
 * Acks a slash command at once, then waits its turn with the other commands of the same app,
 * workspaces taking turns.
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
      limit = createFairLimiter(COMMAND_QUEUE.concurrency, COMMAND_QUEUE.maxWaiting, 'commands');
      limiters.set(deps, limit);
    }
    let started = false;
    try {
      // Each workspace's commands wait in a lane of their own, taking turns with the others'.
      await limit(args.command.team_id, async () => {
        started = true;
        if (!(await firstDelivery(deps, args.context, args.body))) return;
        // The listener still calls ack() first thing; Slack has had it already.
        await listener({ ...args, ack: async () => {} });
      });
    } catch (error) {
      if (started || !(error instanceof QueueFullError)) throw error;
      const { command, text, team_id: teamId } = args.command;
      deps.logger.warn({ teamId, command }, 'command queue full; command refused');
      await privately(args.respond)(busyMessage(`${command} ${text}`.trim()));
    }
  };
}
