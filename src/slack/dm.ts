import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks.js';

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
  try {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.chat.postMessage({ channel, ...message });
    return true;
  } catch (error) {
    logger.warn({ err: error, userId }, 'direct message not delivered');
    return false;
  }
}
