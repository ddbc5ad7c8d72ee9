import type { WebClient } from '@slack/web-api';
import type { WorkspaceSettings } from '../../core/settings.js';
import type { ChannelScope } from '../../core/stores/channel-scope.js';
import { sinceLastDigest } from '../../core/stores/digest-runs.js';
import {
  type DigestPages,
  type DigestWindow,
  digestChannels,
  digestPages,
  digestTallies,
} from '../../core/stores/digests.js';
import { lastPersonalDigestAt } from '../../core/stores/nudges.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import type { Viewer } from '../../core/work/request.js';
import { channelAudienceScope, scopeFor } from '../../core/work/visibility.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { addDays, todayIn } from '../../domain/time/calendar-date.js';
import type { Discipline } from '../../generated/prisma/client.js';

export interface DigestData extends DigestPages {
  workspace: WorkspaceSettings;
  today: string;
  /** The days whose digest was skipped since the last one sent (Tandem was down past the grace window). */
  skippedDays: string[];
  /** Everything since this instant counts as new: the last digest sent, or a day ago. */
  since: Date;
}

/** A personal digest: only what concerns one person (what they own, what fits their discipline). */
export interface PersonalScope {
  userId: string;
  discipline: Discipline | null;
}

/** Who will read a digest, as what of the work in these channels it may show them. */
export type DigestReader = (channels: string[]) => Promise<ChannelScope>;

/** One person reading it (`/digest now`, a personal digest): only what they may see. */
export const personReading =
  (viewer: Viewer): DigestReader =>
  (channels) =>
    scopeFor(viewer, channels);

/**
 * Everyone in the channel it is posted in: private channels' work only when it is posted in that
 * very channel, since the others reading it may not be among that channel's members.
 */
export const channelReading =
  (deps: Deps, client: WebClient, teamId: string, channel: string): DigestReader =>
  (channels) =>
    channelAudienceScope(deps, client, teamId, channel, channels);

export async function gatherDigest(
  deps: Deps,
  teamId: string,
  now: Date,
  reader: DigestReader,
  personal?: PersonalScope,
): Promise<DigestData> {
  const workspace = await loadWorkspaceFresh(deps, teamId);
  const today = todayIn({ now, timezone: workspace.timezone }) ?? now.toISOString().slice(0, 10);
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  let since = dayAgo;
  let skippedDays: string[] = [];
  if (personal) {
    since = (await lastPersonalDigestAt(deps, teamId, personal.userId, now)) ?? dayAgo;
  } else {
    const last = await sinceLastDigest(deps, teamId);
    since = last.sentAt ?? dayAgo;
    skippedDays = last.skippedDays;
  }
  const window: DigestWindow = {
    teamId,
    today: calendarDateToDb(today),
    soon: calendarDateToDb(addDays(today, 2) ?? today),
    since,
    personal: personal ?? null,
  };
  const tallies = await digestTallies(deps, window);
  const scope = await reader(digestChannels(tallies).channels);
  return { workspace, today, ...(await digestPages(deps, window, scope, tallies)), skippedDays, since };
}
