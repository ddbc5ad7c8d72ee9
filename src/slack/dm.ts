import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks.js';
import { platformError } from './reply.js';

/**
 * A direct message from Tandem. The change it reports is already committed, so a failed DM is
 * logged and swallowed rather than turned into an error for the person who made the change.
 */
export async function sendDm(
  client: WebClient,
  logger: Logger,
  userId: string,
  message: SlackMessage,
): Promise<boolean> {
  return (await tryDm(client, logger, userId, message)).kind === 'sent';
}

/** Slack's refusals of a DM that no retry can change: the person cannot receive one. */
const UNDELIVERABLE = new Set([
  'cannot_dm_bot',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'user_not_visible',
  'not_allowed_token_type',
]);

export type DmOutcome = { kind: 'sent' } | { kind: 'undeliverable'; reason: string } | { kind: 'failed' };

/** A DM, telling a refusal for good (a deactivated person, a bot) apart from one worth retrying. */
export async function tryDm(
  client: WebClient,
  logger: Logger,
  userId: string,
  message: SlackMessage,
): Promise<DmOutcome> {
  try {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.chat.postMessage({ channel, ...message });
    return { kind: 'sent' };
  } catch (error) {
    logger.warn({ err: error, userId }, 'direct message not delivered');
    const refusal = platformError(error);
    return refusal && UNDELIVERABLE.has(refusal)
      ? { kind: 'undeliverable', reason: refusal }
      : { kind: 'failed' };
  }
}
