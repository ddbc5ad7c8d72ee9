import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { ItemFacts } from '../../domain/policy/facts.js';
import { channelAccess } from '../../domain/policy/visibility.js';
import { channelFacts, isPrivateChannel } from '../channels.js';
import { isAllowed } from '../permissions.js';
import type { ChannelScope } from '../stores/channel-scope.js';
import { type Viewer, whoAsks } from './request.js';

/** Whether this person may see one item (a nudge about it, a line in a digest). */
export async function maySee(viewer: Viewer, item: ItemFacts): Promise<boolean> {
  return isAllowed({ action: 'item.view', actor: await whoAsks(viewer), team: viewer.team, item });
}

/**
 * What one person sees of the work in these channels, for a query to filter by: one Slack lookup
 * per channel (cached), however many items each holds.
 */
export async function scopeFor(viewer: Viewer, channels: string[]): Promise<ChannelScope> {
  const actor = await whoAsks(viewer);
  const scope: ChannelScope = {
    all: [],
    own: [],
    userId: viewer.userId,
    unchanneled: channelAccess(actor, { channelPrivate: false }),
  };
  for (const channel of new Set(channels)) {
    const present = channel === viewer.channelId;
    const facts = await channelFacts(
      viewer.deps,
      viewer.client,
      viewer.team.teamId,
      channel,
      viewer.userId,
      present,
    );
    const access = channelAccess(actor, facts);
    if (access !== 'none') scope[access].push(channel);
  }
  return scope;
}

/**
 * What may be posted for everyone in a channel to read: work in public channels, work tied to no
 * channel, and the private work of that channel itself, whose members are its readers.
 */
export async function channelAudienceScope(
  deps: Deps,
  client: WebClient,
  teamId: string,
  postedIn: string,
  channels: string[],
): Promise<ChannelScope> {
  const scope: ChannelScope = { all: [], own: [], userId: null, unchanneled: 'all' };
  for (const channel of new Set(channels)) {
    if (channel === postedIn || !(await isPrivateChannel(deps, client, teamId, channel)))
      scope.all.push(channel);
  }
  return scope;
}
