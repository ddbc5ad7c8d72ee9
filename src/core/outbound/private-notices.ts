import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { tellPrivately } from '../../slack/tell.js';
import { sendCoalesced } from './slack-output.js';

/** Answers to what someone just did go ahead of notices about what others did first. */
export const ANSWER_PRIORITY = 1;
export const NOTICE_PRIORITY = 0;

let sequence = 0;

/**
 * A private note to one person in a channel (ephemeral, or a DM if Slack refuses it), sent
 * through the workspace's `chat.postEphemeral` lane and returning at once: one at a time per
 * workspace, answers first, and after a 429 the whole lane waits out Retry-After and then goes at
 * the tier's pace. So a burst of answers queues instead of storming Slack's rate limit, and the
 * event that caused the note does not hold its place in the event queue while it waits.
 */
export function tellPaced(
  deps: Deps,
  client: WebClient,
  teamId: string,
  where: { channel: string; user: string },
  message: SlackMessage,
): void {
  sequence += 1;
  sendCoalesced(deps, client, teamId, {
    // Each answer is one of a kind: none replaces another.
    key: `answer|${sequence}`,
    method: 'chat.postEphemeral',
    kind: 'private_answer',
    priority: ANSWER_PRIORITY,
    send: () => tellPrivately(client, deps.logger, where, message),
    failed: (error, retrying) =>
      deps.logger.warn(
        { err: error, teamId, channel: where.channel, retrying },
        retrying
          ? 'private answer rate-limited; sending it again after Retry-After'
          : 'private answer not sent',
      ),
  });
}
