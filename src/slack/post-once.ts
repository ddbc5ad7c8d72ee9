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
 * How a post that must not be doubled went: `posted` (Slack answered, or the lookup found it),
 * `missing` (it timed out and Slack has no such message: safe to send again later) or
 * `unknown` (it timed out and the lookup failed too: sending again might say it twice).
 */
export type PostOutcome =
  | { kind: 'posted'; posted: Posted }
  | { kind: 'missing'; error: unknown }
  | { kind: 'unknown'; error: unknown };

/**
 * chat.postMessage that is safe to lose the answer of. A timed-out post may still have been
 * posted (Slack was slow, not down), so it is neither retried (see SLACK_RETRY_POLICY) nor
 * posted again: the message is looked up by its metadata instead, and a copy found counts as
 * posted. Refusals and other errors are thrown as they come.
 */
export async function tryPostOnce(
  client: WebClient,
  logger: Logger,
  message: ChatPostMessageArguments & { channel: string },
  key: PostKey,
): Promise<PostOutcome> {
  const metadata = { event_type: key.type, event_payload: { team_id: key.teamId, key: key.key } };
  // Slack's clock, not the app's: the window is looked up in Slack's timestamps.
  const attempted = new Date();
  try {
    const res = await client.chat.postMessage({ ...message, metadata });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return { kind: 'posted', posted: { channel: res.channel ?? message.channel, ts: res.ts } };
  } catch (error) {
    if (!timedOut(error)) throw error;
    let found: Posted | null;
    try {
      found = await findPosted(client, message.channel, key, attempted);
    } catch (lookup) {
      logger.warn(
        { err: lookup, channel: message.channel },
        'could not check whether a timed-out post landed',
      );
      return { kind: 'unknown', error };
    }
    if (!found) return { kind: 'missing', error };
    logger.info(
      { channel: message.channel, type: key.type },
      'a timed-out post had landed; not posting it again',
    );
    return { kind: 'posted', posted: found };
  }
}

/** `tryPostOnce` for callers that treat any doubt as a failure: only a post known to be there returns. */
export async function postOnce(
  client: WebClient,
  logger: Logger,
  message: ChatPostMessageArguments & { channel: string },
  key: PostKey,
): Promise<Posted> {
  const outcome = await tryPostOnce(client, logger, message, key);
  if (outcome.kind === 'posted') return outcome.posted;
  throw outcome.error;
}
