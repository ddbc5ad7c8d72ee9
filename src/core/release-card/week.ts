import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import { NETWORKS, type Network } from '../../domain/drafts/types.js';
import { clip, context, section } from '../../slack/blocks.js';
import { escapeText, userMention } from '../../slack/mrkdwn.js';
import { amplifyWeek, amplifyWeekQuery } from '../stores/amplify.js';
import type { Viewer } from '../work/request.js';
import { scopeFor } from '../work/visibility.js';
import { safeLink, when } from './views.js';

export type WeekState = 'scheduled' | 'awaiting' | 'posted';

export interface WeekEntry {
  network: Network;
  state: WeekState;
  release: string;
  at: Date | null;
  url: string | null;
  claimant: string | null;
}

export interface WeekData {
  from: Date;
  entries: WeekEntry[];
}

/** Monday to Monday in the workspace's zone, around now. */
export function weekAround(now: Date, timezone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(now).setZone(timezone).startOf('week');
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/** This week's posts as one person may see them: private-channel releases only for their members. */
export async function weekData(viewer: Viewer): Promise<WeekData> {
  const { deps, team } = viewer;
  const { from, to } = weekAround(deps.clock.now(), team.timezone);
  const query = await amplifyWeekQuery(deps, team.teamId, from, to);
  const rows = await amplifyWeek(deps, query, await scopeFor(viewer, query.found.channels));
  const releases = new Map(rows.releases.map((r) => [r.id, r]));
  const entries: WeekEntry[] = [];
  for (const task of rows.tasks) {
    const release = releases.get(task.releaseId ?? '');
    if (!release || !task.network) continue;
    const approved = rows.draftStatus.get(`${release.id}|${task.network}`) === 'approved';
    const state: WeekState = task.status === 'done' ? 'posted' : approved ? 'scheduled' : 'awaiting';
    if (state === 'scheduled' && !task.postAt) continue;
    entries.push({
      network: task.network as Network,
      state,
      release: `*${formatReleaseRef(release.number)}*${release.title ? ` ${escapeText(clip(release.title, 60))}` : ''}`,
      at: state === 'posted' ? task.doneAt : task.postAt,
      url: task.postedUrl,
      claimant: task.assigneeId,
    });
  }
  return { from, entries };
}

const STATE_TEXT: Record<WeekState, string> = {
  scheduled: ':calendar: scheduled',
  awaiting: ':eyes: awaiting approval',
  posted: ':rocket: posted',
};

function entryLine(e: WeekEntry, timezone: string): string {
  const at = e.at ? ` ${when(e.at, timezone)}` : '';
  const link = e.url ? ` · ${safeLink(e.url, 'live post')}` : '';
  const who = e.claimant ? ` · ${userMention(e.claimant)}` : ' · _unclaimed_';
  return `• ${e.release} — ${STATE_TEXT[e.state]}${at}${link}${e.state === 'posted' ? '' : who}`;
}

/** Per network: what is scheduled, awaiting approval and posted this week. */
export function weekBlocks(data: WeekData, timezone: string): KnownBlock[] {
  if (data.entries.length === 0)
    return [
      context('Nothing scheduled, awaiting approval or posted this week. `/draft` a release to start.'),
    ];
  const blocks: KnownBlock[] = [];
  for (const network of NETWORKS) {
    const mine = data.entries.filter((e) => e.network === network).slice(0, 12);
    if (mine.length === 0) continue;
    blocks.push(section(`*${networkLabel(network)}*\n${mine.map((e) => entryLine(e, timezone)).join('\n')}`));
  }
  return blocks;
}
