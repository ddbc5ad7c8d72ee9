import { type Answer, page, pick } from './fake-slack-http.js';

type Message = Record<string, unknown>;
type Written = { channel: string; ts: string; text: string; user: string };

/**
 * What channels hold: messages people wrote (set by tests) and what Tandem posted, read back the
 * way `conversations.history` and `conversations.replies` answer.
 */
export function createHistory() {
  const written = new Map<string, Written>();
  // What Tandem posted at the top level, per channel, oldest first.
  const posted = new Map<string, Message[]>();
  // Every message Tandem posted (threads included), by channel and ts: what chat.update may change.
  const sent = new Set<string>();

  return {
    write(message: Written): void {
      written.set(`${message.channel}|${message.ts}`, message);
    },
    post(channel: string, message: Message & { ts: string }): void {
      if (message.thread_ts === undefined) posted.set(channel, [...(posted.get(channel) ?? []), message]);
      sent.add(`${channel}|${message.ts}`);
    },
    remove(channel: string, ts: string): void {
      sent.delete(`${channel}|${ts}`);
      posted.set(
        channel,
        (posted.get(channel) ?? []).filter((m) => m.ts !== ts),
      );
    },
    wasPosted(channel: string, ts: unknown): boolean {
      return sent.has(`${channel}|${String(ts)}`);
    },
    /**
     * With `latest` (or `ts`): the one message at that ts, as Slack answers `latest` + `inclusive` +
     * `limit: 1`. Otherwise newest first, only after `oldest`, `limit` per page, with a cursor.
     */
    read(args: Record<string, unknown>): Answer {
      if (args.latest === undefined && args.ts === undefined) {
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const oldest = Number(args.oldest ?? 0);
        const inWindow = [...(posted.get(String(args.channel)) ?? [])]
          .reverse()
          .filter((m) => Number(m.ts) > oldest);
        const { items, response_metadata } = page(inWindow, args, 100);
        return {
          messages: items.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m)),
          has_more: response_metadata.next_cursor !== '',
          response_metadata,
        };
      }
      const found = written.get(`${String(args.channel)}|${String(args.latest ?? args.ts)}`);
      return { messages: found ? [{ type: 'message', ...found }] : [], has_more: false };
    },
  };
}

export const messageFields = (args: Record<string, unknown>) =>
  pick(args, 'text', 'blocks', 'thread_ts', 'metadata');
