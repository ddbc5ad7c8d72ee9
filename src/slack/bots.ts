import type { WebClient } from '@slack/web-api';

const MAX_REMEMBERED = 10_000;
const known = new Map<string, boolean>();

/**
 * Whether a user id belongs to a bot (reaction events do not say). Answers are remembered: a user
 * does not turn into a bot, and a burst of reactions must not cost a users.info call each.
 * Unknown users and lookup failures count as people, so a Slack hiccup never drops a claim.
 */
export async function isBotUser(client: WebClient, userId: string): Promise<boolean> {
  const remembered = known.get(userId);
  if (remembered !== undefined) return remembered;
  let bot = false;
  try {
    const { user } = await client.users.info({ user: userId });
    bot = Boolean(user?.is_bot) || userId === 'USLACKBOT';
  } catch {
    return false;
  }
  if (known.size >= MAX_REMEMBERED) known.delete(known.keys().next().value as string);
  known.set(userId, bot);
  return bot;
}
