import { decide } from './decide.js';
import type { ActorFacts, ItemFacts } from './facts.js';

/**
 * How much of one channel's work a person may see: all of it, only the items they own (or whose
 * initiative they own), or none.
 */
export type ChannelAccess = 'all' | 'own' | 'none';

/**
 * The policy decides item by item, but of an item it only reads the channel facts and whether
 * the reader owns it or its initiative. Asking once for someone else's item and once for their
 * own therefore answers for every item in the channel, which lets a list leave out what a
 * person may not see inside its query, with exact counts and one Slack lookup per channel.
 */
export function channelAccess(
  actor: ActorFacts,
  channel: Pick<ItemFacts, 'channelPrivate' | 'inChannel'>,
): ChannelAccess {
  const sees = (item: ItemFacts) => decide('item.view', { actor, item: { ...channel, ...item } }).allowed;
  if (sees({ ownerId: null, initiativeOwnerId: null })) return 'all';
  if (sees({ ownerId: actor.userId, initiativeOwnerId: null })) return 'own';
  return 'none';
}

/** Whether access to a channel lets the reader see one item in it. */
export function admits(access: ChannelAccess, readerOwnsIt: boolean): boolean {
  return access === 'all' || (access === 'own' && readerOwnsIt);
}
