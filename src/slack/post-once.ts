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

/** Slack's largest recommended page; a window rarely needs more than one. */
const HISTORY_PAGE = 200;
/** Bounds a lookup in a channel that somehow holds more in the window than anyone posts. */
const MAX_PAGES = 50;
/** Our clock and Slack's may disagree by this much; the window starts that much earlier. */
const CLOCK_SKEW_MS = 60_000;

const slackTs = (at: Date): string => (at.getTime() / 1_000).toFixed(6);

/**
 * The message Tandem posted for `key` in `channel` since `since`, if Slack has it. Every page of
 * the window is read, so a busy channel cannot hide it behind its first hundred messages.
 */
export async function findPosted(
  client: WebClient,
  channel: string,
  key: PostKey,
  since: Date,
): Promise<Posted | null> {
  const oldest = slackTs(new Date(since.getTime() - CLOCK_SKEW_MS));
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      oldest,
      limit: HISTORY_PAGE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    const found = history.messages?.find((m) => {
      const payload = m.metadata?.event_payload as { team_id?: unknown; key?: unknown } | undefined;
      return (
        m.metadata?.event_type === key.type && payload?.team_id === key.teamId && payload.key === key.key
      );
    });
    if (found?.ts) return { channel, ts: found.ts };
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || !cursor) return null;
  }
  throw new Error(`more than ${MAX_PAGES * HISTORY_PAGE} messages in ${channel} since the post was tried`);
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
  // Slack's clock, not the app's: the window is looked up in Slack's timestamps.
  const attempted = new Date();
  try {
    const res = await client.chat.postMessage({ ...message, metadata });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return { channel: res.channel ?? message.channel, ts: res.ts };
  } catch (error) {
    if (!timedOut(error)) throw error;
    const found = await findPosted(client, message.channel, key, attempted).catch((lookup: unknown) => {
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
