import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { timedOut } from './timed-out.js';

/** What a message is, written into its Slack metadata so Tandem can find it again. */
export interface PostKey {
  /** Slack metadata event type, e.g. `tandem_digest`. */
  type: string;
  teamId: string;
  /** Unique per type within the workspace: a task number, a digest's local day. */
  key: string;
}

export interface Posted {
  channel: string;
  ts: string;
}

/** How far back to look: recovery runs right after a timeout, or minutes after a crash. */
const HISTORY_PAGE = 100;

/** The message Tandem already posted for `key` in `channel`, if Slack has it. */
export async function findPosted(client: WebClient, channel: string, key: PostKey): Promise<Posted | null> {
  const history = await client.conversations.history({
    channel,
    limit: HISTORY_PAGE,
    include_all_metadata: true,
  });
  const found = history.messages?.find((m) => {
    const payload = m.metadata?.event_payload as { team_id?: unknown; key?: unknown } | undefined;
    return m.metadata?.event_type === key.type && payload?.team_id === key.teamId && payload.key === key.key;
  });
  return found?.ts ? { channel, ts: found.ts } : null;
}

/**
 * chat.postMessage that is safe to lose the answer of. A timed-out post may still have been
 * posted (Slack was slow, not down), so it is neither retried (see SLACK_RETRY_POLICY) nor
 * posted again: the message is looked up by its metadata instead, and a copy found counts as
 * posted. Only when Slack has no such message does the timeout reach the caller.
 */
export async function postOnce(
  client: WebClient,
  logger: Logger,
  message: ChatPostMessageArguments & { channel: string },
  key: PostKey,
): Promise<Posted> {
  const metadata = { event_type: key.type, event_payload: { team_id: key.teamId, key: key.key } };
  try {
    const res = await client.chat.postMessage({ ...message, metadata });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return { channel: res.channel ?? message.channel, ts: res.ts };
  } catch (error) {
    if (!timedOut(error)) throw error;
    const found = await findPosted(client, message.channel, key).catch((lookup: unknown) => {
      logger.warn(
        { err: lookup, channel: message.channel },
        'could not check whether a timed-out post landed',
      );
      return null;
    });
    if (found) {
      logger.info(
        { channel: message.channel, type: key.type },
        'a timed-out post had landed; not posting it again',
      );
      return found;
    }
    throw error;
  }
}
