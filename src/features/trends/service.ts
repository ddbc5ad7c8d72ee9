import { addInitiative, findInitiative } from '../../core/stores/initiatives.js';
import { recordNudges } from '../../core/stores/nudges.js';
import { leadsFor, loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { matchTrend } from '../../domain/trend-match.js';
import { formatTrendRef } from '../../domain/trend-ref.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, Trend } from '../../generated/prisma/client.js';
import { clip } from '../../slack/blocks.js';

export interface NewTrend {
  label: string;
  notes?: string | undefined;
  keywords: string[];
  source?: { channel: string; ts: string; link: string | null };
}

export interface LoggedTrend {
  trend: Trend;
  matches: Array<{ initiative: Initiative; matched: string[] }>;
}

const TREND_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function trendNotFound(number: number): UserError {
  return new UserError(
    `There is no trend ${formatTrendRef(number)} in this workspace.`,
    '/trend list all',
    '/trend list all',
  );
}

async function findTrend(deps: Deps, teamId: string, number: number): Promise<Trend> {
  const trend = await deps.db.prisma.trend.findUnique({ where: { teamId_number: { teamId, number } } });
  if (!trend) throw trendNotFound(number);
  return trend;
}

/**
 * Logs a trend, links it to every active initiative it matches, and records a shared-trend nudge
 * for both leads and each matched initiative's owner (delivered by the scheduler, in waking hours).
 * Returns null when the message behind a 📈 was already logged.
 */
export async function logTrend(
  deps: Deps,
  teamId: string,
  reporterId: string,
  input: NewTrend,
): Promise<LoggedTrend | null> {
  const workspace = await loadWorkspace(deps, teamId);
  const now = deps.clock.now();
  const { prisma } = deps.db;
  if (input.source) {
    const existing = await prisma.trend.findUnique({
      where: {
        teamId_sourceChannel_sourceTs: {
          teamId,
          sourceChannel: input.source.channel,
          sourceTs: input.source.ts,
        },
      },
    });
    if (existing) return null;
  }
  const open = await prisma.initiative.findMany({
    where: { teamId, status: { in: ['planned', 'active'] } },
    orderBy: { number: 'asc' },
  });
  const matches = matchTrend({ label: input.label, keywords: input.keywords }, open);
  const byId = new Map(open.map((i) => [i.id, i]));
  const trend = await prisma.$transaction(async (tx) => {
    const { nextTrendNumber } = await tx.workspace.update({
      where: { teamId },
      data: { nextTrendNumber: { increment: 1 } },
      select: { nextTrendNumber: true },
    });
    const created = await tx.trend.create({
      data: {
        teamId,
        number: nextTrendNumber - 1,
        label: input.label,
        notes: input.notes ?? null,
        keywords: input.keywords,
        sourceChannel: input.source?.channel ?? null,
        sourceTs: input.source?.ts ?? null,
        sourceLink: input.source?.link ?? null,
        reporterId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + TREND_LIFETIME_MS),
      },
    });
    if (matches.length > 0) {
      await tx.trendLink.createMany({
        data: matches.map((m) => ({ trendId: created.id, initiativeId: m.id, teamId, createdAt: now })),
      });
    }
    return created;
  });
  const matched = matches.flatMap((m) => {
    const initiative = byId.get(m.id);
    return initiative ? [{ initiative, matched: m.matched }] : [];
  });
  await recordNudges(
    deps,
    teamId,
    matched.flatMap(({ initiative }) =>
      [...new Set([...leadsFor(workspace, null), ...(initiative.ownerId ? [initiative.ownerId] : [])])].map(
        (recipientId) => ({
          kind: 'shared_trend' as const,
          recipientId,
          itemType: 'initiative' as const,
          itemId: initiative.id,
          // One nudge per trend and initiative: the trend's id is the window.
          window: trend.id,
          notBefore: now,
        }),
      ),
    ),
  );
  return { trend, matches: matched };
}

export async function listTrends(deps: Deps, teamId: string, which: 'active' | 'all'): Promise<Trend[]> {
  const now = deps.clock.now();
  return deps.db.prisma.trend.findMany({
    where: {
      teamId,
      ...(which === 'active'
        ? { status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }
        : {}),
    },
    orderBy: { number: 'desc' },
    take: 50,
  });
}

export async function linkTrend(
  deps: Deps,
  teamId: string,
  userId: string,
  trendNumber: number,
  initiativeNumber: number,
) {
  const trend = await findTrend(deps, teamId, trendNumber);
  const initiative = await findInitiative(deps, teamId, initiativeNumber);
  await deps.db.prisma.trendLink.createMany({
    data: [
      {
        trendId: trend.id,
        initiativeId: initiative.id,
        teamId,
        linkedBy: userId,
        createdAt: deps.clock.now(),
      },
    ],
    skipDuplicates: true,
  });
  return { trend, initiative };
}

export async function expireTrend(deps: Deps, teamId: string, number: number): Promise<Trend> {
  const trend = await findTrend(deps, teamId, number);
  return deps.db.prisma.trend.update({
    where: { id: trend.id },
    data: { status: 'expired', expiresAt: deps.clock.now() },
  });
}

export const RESPOND_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * Where a trend's response task belongs: the first initiative it is linked to, or a new
 * trend-response initiative (Tandem suggests its owner from the ownership matrix).
 */
export async function responseHome(
  deps: Deps,
  actor: { teamId: string; userId: string; source: 'button' },
  trend: Trend,
  channelId: string,
): Promise<{ initiative: Initiative; existingTask: { number: number } | null }> {
  const { prisma } = deps.db;
  const existingTask = await prisma.task.findFirst({
    where: { teamId: actor.teamId, trendId: trend.id },
    select: { number: true },
  });
  const link = await prisma.trendLink.findFirst({
    where: { trendId: trend.id, teamId: actor.teamId },
    include: { initiative: true },
    orderBy: { createdAt: 'asc' },
  });
  if (link) return { initiative: link.initiative, existingTask };
  const { initiative } = await addInitiative(
    deps,
    actor,
    {
      title: clip(`Respond to ${trend.label}`, 150),
      kind: 'trend_response',
      channelId: trend.sourceChannel ?? channelId,
    },
    await loadWorkspace(deps, actor.teamId),
  );
  await prisma.trendLink.create({
    data: {
      trendId: trend.id,
      initiativeId: initiative.id,
      teamId: actor.teamId,
      linkedBy: actor.userId,
      createdAt: deps.clock.now(),
    },
  });
  return { initiative, existingTask };
}

export async function findTrendByNumber(deps: Deps, teamId: string, number: number): Promise<Trend> {
  return findTrend(deps, teamId, number);
}
