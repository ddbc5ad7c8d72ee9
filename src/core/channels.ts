import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { platformError } from '../slack/reply.js';

/** What the policy needs to know about an item's channel for one person. */
export interface ChannelFacts {
  channelPrivate: boolean;
  /** Undefined when Tandem cannot read the members (it is not in the private channel). */
  inChannel?: boolean;
}

interface Known {
  isPrivate: boolean;
  /** Null when Slack would not say (channel_not_found: a private channel Tandem is not in). */
  members: Set<string> | null;
}

/** Membership changes take hold within a minute; a burst of claims costs one lookup per channel. */
const TTL_MS = 60 * 1000;
const MAX_REMEMBERED = 5_000;
/** Past this many members, a private channel is treated as "cannot read" rather than paged for ever. */
const MAX_MEMBERS = 5_000;

// The lookup itself is remembered, not only its answer: a digest or several App Homes built at
// once ask about the same channels together, and they share one call per channel.
const caches = new WeakMap<object, Map<string, { known: Promise<Known>; at: number }>>();

async function readMembers(client: WebClient, channel: string): Promise<Set<string> | null> {
  const members = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const id of page.members ?? []) members.add(id);
    cursor = page.response_metadata?.next_cursor || undefined;
    if (members.size > MAX_MEMBERS) return null;
  } while (cursor);
  return members;
}

async function lookUp(client: WebClient, channel: string): Promise<Known> {
  try {
    const info = await client.conversations.info({ channel });
    const isPrivate = Boolean(info.channel?.is_private);
    // Public channels' work is for the whole workspace; only private ones need their members.
    return { isPrivate, members: isPrivate ? await readMembers(client, channel) : null };
  } catch (error) {
    // Tandem cannot see it: a private channel it is not in. Never treated as public.
    if (platformError(error) === 'channel_not_found') return { isPrivate: true, members: null };
    throw error;
  }
}

function knownChannel(deps: Deps, client: WebClient, teamId: string, channel: string): Promise<Known> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  const key = `${teamId}:${channel}`;
  const now = deps.clock.now().getTime();
  const remembered = cache.get(key);
  if (remembered && now - remembered.at < TTL_MS) return remembered.known;
  const known = lookUp(client, channel);
  if (cache.size >= MAX_REMEMBERED) cache.delete(cache.keys().next().value as string);
  const entry = { known, at: now };
  cache.set(key, entry);
  // A failed lookup (Slack down) is not remembered: the next question asks again.
  known.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return known;
}

/**
 * Whether an item's channel is private and whether this person is in it. `present` says the
 * request itself came from that channel (a reaction or button there, a command typed there):
 * then they are in it, whatever the cache says. Items without a channel belong to everyone.
 */
export async function channelFacts(
  deps: Deps,
  client: WebClient,
  teamId: string,
  channel: string | null | undefined,
  userId: string,
  present = false,
): Promise<ChannelFacts> {
  if (!channel) return { channelPrivate: false };
  const known = await knownChannel(deps, client, teamId, channel);
  if (present) return { channelPrivate: known.isPrivate, inChannel: true };
  if (!known.isPrivate) return { channelPrivate: false };
  return known.members
    ? { channelPrivate: true, inChannel: known.members.has(userId) }
    : { channelPrivate: true };
}

/** Whether a channel is private (or one Tandem cannot see, which counts as private). */
export async function isPrivateChannel(
  deps: Deps,
  client: WebClient,
  teamId: string,
  channel: string,
): Promise<boolean> {
  return (await knownChannel(deps, client, teamId, channel)).isPrivate;
}

/**
 * Whether Tandem itself is in a channel, asked afresh: false when Slack says it is not, or cannot
 * show it (a private channel it is not in); null when Slack could not be asked, so that an
 * outage never blocks a setting.
 */
export async function tandemIsIn(client: WebClient, channel: string): Promise<boolean | null> {
  try {
    const info = await client.conversations.info({ channel });
    return info.channel?.is_member ?? null;
  } catch (error) {
    return platformError(error) === 'channel_not_found' ? false : null;
  }
}
