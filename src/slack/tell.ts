import type { WebClient } from '@slack/web-api';
import { UserError } from '../domain/user-error.js';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks.js';
import { sendDm } from './dm.js';
import { internalErrorMessage, userErrorMessage } from './error-reply.js';
import { postRefusal } from './post-errors.js';
import { timedOut } from './timed-out.js';

/**
 * A private note to one person about something in a channel: ephemeral there, or by DM when
 * Slack refuses the ephemeral (the bot is not in that channel, say).
 */
export async function tellPrivately(
  client: WebClient,
  logger: Logger,
  where: { channel: string; user: string; thread_ts?: string },
  message: SlackMessage,
): Promise<void> {
  try {
    await client.chat.postEphemeral({ ...where, ...message });
  } catch (error) {
    // After a timeout the note may well have been shown, and a DM on top would say it twice.
    if (timedOut(error)) throw error;
    logger.debug({ err: error, channel: where.channel }, 'ephemeral refused; sending a DM instead');
    await sendDm(client, logger, where.user, message);
  }
}

/**
 * Work after a modal closed: its payload has no response_url and no channel the error handler
 * could answer in, so a failure is told privately where the work was for. A UserError says what
 * to do; anything else is logged as `logged` and answered with the apology.
 */
export async function tellFailure(
  client: WebClient,
  logger: Logger,
  where: { channel: string; user: string },
  error: unknown,
  logged: string,
): Promise<void> {
  if (error instanceof UserError) {
    await tellPrivately(client, logger, where, userErrorMessage(error));
    return;
  }
  logger.error({ err: error }, logged);
  await tellPrivately(client, logger, where, internalErrorMessage());
}

/**
 * Tandem's answer in a message's thread, for everyone there. A channel that will not take the
 * post (posting limited to admins, say) gets it privately instead, to `where.user`. A post that
 * timed out has most likely landed: it is neither posted again nor apologised for, and the
 * event counts as handled, so Slack's redelivery of it does not answer twice.
 */
export async function answerInThread(
  client: WebClient,
  logger: Logger,
  where: { channel: string; thread_ts: string; user: string },
  message: SlackMessage,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.thread_ts, ...message });
  } catch (error) {
    if (timedOut(error)) {
      logger.warn({ err: error, channel: where.channel }, 'thread answer timed out; not posted again');
      return;
    }
    if (!postRefusal(error)) throw error;
    logger.info({ err: error, channel: where.channel }, 'thread answer refused; told privately instead');
    await tellPrivately(client, logger, where, message);
  }
}
