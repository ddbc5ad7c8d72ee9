import { ensureAllowed } from '../../core/permissions.js';
import { leadsFor } from '../../core/settings.js';
import { activeInitiatives, addInitiative, findInitiative } from '../../core/stores/initiatives.js';
import { recordNudges } from '../../core/stores/nudges.js';
import {
  createTrend,
  expireTrend,
  findTrend,
  linkTrend,
  listTrends,
  type NewTrend,
  trendFromMessage,
  trendListChannels,
  trendResponse,
} from '../../core/stores/trends.js';
import {
  channelOf,
  initiativeFacts,
  storeActor,
  trendFacts,
  type WorkRequest,
  whoAsks,
} from '../../core/work/request.js';
import { scopeFor } from '../../core/work/visibility.js';
import { matchTrend } from '../../domain/trends/trend-match.js';
import { formatTrendRef } from '../../domain/trends/trend-ref.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, Trend } from '../../generated/prisma/client.js';
import { clip } from '../../slack/blocks.js';

export type { NewTrend };

export interface LoggedTrend {
  trend: Trend;
  matches: Array<{ initiative: Initiative; matched: string[] }>;
}

const TREND_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RESPOND_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * Logs a trend (from a command, or 📈 on a message in `channel`), links it to every active
 * initiative it matches, and records a shared-trend nudge for both leads and each matched
 * initiative's owner. Returns null when the message behind a 📈 was already logged.
 */
export async function logTrend(
  req: WorkRequest,
  input: NewTrend,
  channel: string,
): Promise<LoggedTrend | null> {
  const { deps, team } = req;
  ensureAllowed({
    action: 'trend.log',
    actor: await whoAsks(req),
    team,
    item: await channelOf(req, channel),
    doing: 'log trends here',
  });
  if (input.source && (await trendFromMessage(deps, team.teamId, input.source.channel, input.source.ts)))
    return null;
  const now = deps.clock.now();
  const open = await activeInitiatives(deps, team.teamId);
  const matches = matchTrend({ label: input.label, keywords: input.keywords }, open);
  const expires = new Date(now.getTime() + TREND_LIFETIME_MS);
  const trend = await createTrend(
    deps,
    team.teamId,
    req.userId,
    input,
    matches.map((m) => m.id),
    expires,
    channel,
  );
  const byId = new Map(open.map((i) => [i.id, i]));
  const matched = matches.flatMap((m) => {
    const initiative = byId.get(m.id);
    return initiative ? [{ initiative, matched: m.matched }] : [];
  });
  await recordNudges(
    deps,
    team.teamId,
    matched.flatMap(({ initiative }) =>
      // Whoever logged the trend knows of it already: only the others hear.
      [...new Set([...leadsFor(team, null), ...(initiative.ownerId ? [initiative.ownerId] : [])])]
        .filter((recipientId) => recipientId !== req.userId)
        .map((recipientId) => ({
          kind: 'shared_trend' as const,
          recipientId,
          itemType: 'initiative' as const,
          itemId: initiative.id,
          // One nudge per trend and initiative: the trend's id is the window.
          window: trend.id,
          notBefore: now,
        })),
    ),
  );
  return { trend, matches: matched };
}

/** `/trend list`: workspace-wide, for full members, without trends spotted where they cannot see. */
export async function trendsToList(req: WorkRequest, which: 'active' | 'all'): Promise<Trend[]> {
  const actor = await whoAsks(req);
  ensureAllowed({ action: 'workspace.list', actor, team: req.team, doing: 'list the workspace’s trends' });
  const channels = await trendListChannels(req.deps, req.team.teamId, which);
  return listTrends(req.deps, req.team.teamId, which, await scopeFor(req, channels));
}

/** `/trend link TR3 12`: for anyone who can see both. */
export async function link(req: WorkRequest, trendNumber: number, initiativeNumber: number) {
  const trend = await findTrend(req.deps, req.team.teamId, trendNumber);
  const initiative = await findInitiative(req.deps, req.team.teamId, initiativeNumber);
  const actor = await whoAsks(req);
  const doing = `link ${formatTrendRef(trend.number)} to #${initiative.number}`;
  ensureAllowed({ action: 'item.view', actor, team: req.team, item: await trendFacts(req, trend), doing });
  ensureAllowed({
    action: 'item.view',
    actor,
    team: req.team,
    item: await initiativeFacts(req, initiative),
    doing,
  });
  await linkTrend(req.deps, trend, initiative, req.userId);
  return { trend, initiative };
}

/** `/trend expire TR3`: its reporter, a lead or an admin. */
export async function expire(req: WorkRequest, number: number): Promise<Trend> {
  const trend = await findTrend(req.deps, req.team.teamId, number);
  ensureAllowed({
    action: 'trend.expire',
    actor: await whoAsks(req),
    team: req.team,
    item: await trendFacts(req, trend),
    doing: `expire ${formatTrendRef(trend.number)}`,
  });
  return expireTrend(req.deps, trend);
}

/**
 * "Make it a task": where the trend's response task belongs — the first initiative it is linked
 * to, or a new trend-response initiative (Tandem suggests its owner from the ownership matrix).
 */
export async function responseHome(
  req: WorkRequest,
  trendNumber: number,
  fallbackChannel: string | undefined,
): Promise<{
  trend: Trend;
  initiative: Initiative;
  channel: string;
  existingTask: { number: number } | null;
  /** True when the initiative was made just now, to hold the response task. */
  created: boolean;
}> {
  const { deps } = req;
  const trend = await findTrend(deps, req.team.teamId, trendNumber);
  ensureAllowed({
    action: 'trend.task',
    actor: await whoAsks(req),
    team: req.team,
    item: await trendFacts(req, trend),
    doing: `turn ${formatTrendRef(trend.number)} into a task`,
  });
  const channel = trend.sourceChannel ?? fallbackChannel;
  if (!channel) throw new UserError('Tandem cannot tell which channel to post the task in.');
  const { existingTask, linked } = await trendResponse(deps, trend);
  if (linked) return { trend, initiative: linked, channel, existingTask, created: false };
  const { initiative } = await addInitiative(
    deps,
    storeActor(req),
    { title: clip(`Respond to ${trend.label}`, 150), kind: 'trend_response', channelId: channel },
    req.team,
  );
  await linkTrend(deps, trend, initiative, req.userId);
  return { trend, initiative, channel, existingTask, created: true };
}
