import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks.js';
import { type PostKey, tryPostOnce } from './post-once.js';
import { platformError } from './reply.js';
import { timedOut } from './timed-out.js';

/**
 * A direct message from Tandem. The change it reports is already committed, so a failed DM is
 * logged and swallowed rather than turned into an error for the person who made the change.
 * True when it went out, or may have (a timed-out post): either way it must not be sent again.
 */
export async function sendDm(
  client: WebClient,
  logger: Logger,
  userId: string,
  message: SlackMessage,
  key?: PostKey,
): Promise<boolean> {
  const { kind } = await tryDm(client, logger, userId, message, key);
  return kind === 'sent' || kind === 'unconfirmed';
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

/**
 * `unconfirmed`: the post timed out and whether it landed is unknown: an unkeyed DM, or a keyed
 * one whose lookup failed too. Slack is more often slow than down, so it has probably landed, and
 * sending it again would most likely say it twice. A keyed DM that timed out is looked up in the
 * conversation by its metadata (`im:history`): found, it was sent; missing, it may be sent again.
 */
export type DmOutcome =
  | { kind: 'sent' }
  | { kind: 'unconfirmed' }
  | { kind: 'undeliverable'; reason: string }
  | { kind: 'failed' };

/** A DM, telling a refusal for good (a deactivated person, a bot) apart from one worth retrying. */
export async function tryDm(
  client: WebClient,
  logger: Logger,
  userId: string,
  message: SlackMessage,
  /** What the DM is, for DMs that must go exactly once (a nudge, a personal digest). */
  key?: PostKey,
): Promise<DmOutcome> {
  let posting = false;
  try {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    posting = true;
    if (!key) {
      await client.chat.postMessage({ channel, ...message });
      return { kind: 'sent' };
    }
    const outcome = await tryPostOnce(client, logger, { channel, ...message }, key);
    if (outcome.kind === 'posted') return { kind: 'sent' };
    if (outcome.kind === 'unknown') return { kind: 'unconfirmed' };
    logger.warn({ err: outcome.error, userId }, 'direct message timed out and did not land; it can go again');
    return { kind: 'failed' };
  } catch (error) {
    if (posting && timedOut(error)) {
      logger.warn({ err: error, userId }, 'direct message timed out; counted as sent, not sent again');
      return { kind: 'unconfirmed' };
    }
    logger.warn({ err: error, userId }, 'direct message not delivered');
    const refusal = platformError(error);
    return refusal && UNDELIVERABLE.has(refusal)
      ? { kind: 'undeliverable', reason: refusal }
      : { kind: 'failed' };
  }
}
