import type { Deps } from '../../deps.js';
import { formatTrendRef } from '../../domain/trends/trend-ref.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, Prisma, Trend } from '../../generated/prisma/client.js';
import { type ChannelScope, channelsOf, tallyOf, trendsIn } from './channel-scope.js';

export interface NewTrend {
  label: string;
  notes?: string | undefined;
  keywords: string[];
  /** The message a 📈 logged, and who wrote it. */
  source?: { channel: string; ts: string; link: string | null; author?: string | undefined };
}

export function findTrendById(deps: Deps, teamId: string, id: string): Promise<Trend | null> {
  return deps.db.prisma.trend.findFirst({ where: { id, teamId } });
}

export async function findTrend(deps: Deps, teamId: string, number: number): Promise<Trend> {
  const trend = await deps.db.prisma.trend.findUnique({ where: { teamId_number: { teamId, number } } });
  if (!trend)
    throw new UserError(
      `There is no trend ${formatTrendRef(number)} in this workspace.`,
      '/trend list all',
      '/trend list all',
    );
  return trend;
}

/** The trend already logged from this Slack message, if any (a second 📈 logs nothing). */
export function trendFromMessage(deps: Deps, teamId: string, channel: string, ts: string) {
  return deps.db.prisma.trend.findUnique({
    where: { teamId_sourceChannel_sourceTs: { teamId, sourceChannel: channel, sourceTs: ts } },
  });
}

/** Numbers the trend and links it to the initiatives it matched, in one transaction. */
export function createTrend(
  deps: Deps,
  teamId: string,
  reporterId: string,
  input: NewTrend,
  matchedIds: string[],
  expiresAt: Date,
  channel: string | null,
): Promise<Trend> {
  const now = deps.clock.now();
  return deps.db.prisma.$transaction(async (tx) => {
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
        // Where it was logged decides who sees it, for a typed trend as much as a 📈 one.
        sourceChannel: input.source?.channel ?? channel,
        sourceTs: input.source?.ts ?? null,
        sourceLink: input.source?.link ?? null,
        reporterId,
        spotterId: input.source?.author && input.source.author !== reporterId ? input.source.author : null,
        createdAt: now,
        expiresAt,
      },
    });
    if (matchedIds.length > 0) {
      await tx.trendLink.createMany({
        data: matchedIds.map((initiativeId) => ({
          trendId: created.id,
          initiativeId,
          teamId,
          createdAt: now,
        })),
      });
    }
    return created;
  });
}

function trendListWhere(teamId: string, which: 'active' | 'all', now: Date): Prisma.TrendWhereInput {
  return {
    teamId,
    ...(which === 'active'
      ? { status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }
      : {}),
  };
}

/** The channels the trends of a list were spotted in, each once, before its reader's scope is known. */
export async function trendListChannels(deps: Deps, teamId: string, which: 'active' | 'all') {
  const rows = await deps.db.prisma.trend.groupBy({
    by: ['sourceChannel'],
    where: trendListWhere(teamId, which, deps.clock.now()),
    _count: { _all: true },
    orderBy: { sourceChannel: 'asc' },
  });
  return channelsOf([tallyOf(rows, 'sourceChannel')]).channels;
}

/** The newest fifty a reader may see: the scope is in the query, so hidden ones never crowd them out. */
export function listTrends(
  deps: Deps,
  teamId: string,
  which: 'active' | 'all',
  scope: ChannelScope,
): Promise<Trend[]> {
  return deps.db.prisma.trend.findMany({
    where: { AND: [trendListWhere(teamId, which, deps.clock.now()), trendsIn(scope)] },
    orderBy: { number: 'desc' },
    take: 50,
  });
}

/** Links a trend to an initiative; linking twice changes nothing. */
export async function linkTrend(deps: Deps, trend: Trend, initiative: Initiative, userId: string | null) {
  await deps.db.prisma.trendLink.createMany({
    data: [
      {
        trendId: trend.id,
        initiativeId: initiative.id,
        teamId: trend.teamId,
        linkedBy: userId,
        createdAt: deps.clock.now(),
      },
    ],
    skipDuplicates: true,
  });
}

export function expireTrend(deps: Deps, trend: Trend): Promise<Trend> {
  return deps.db.prisma.trend.update({
    where: { id: trend.id },
    data: { status: 'expired', expiresAt: deps.clock.now() },
  });
}

/** The response task already made for a trend, and the first initiative it is linked to. */
export async function trendResponse(deps: Deps, trend: Trend) {
  const [existingTask, link] = await Promise.all([
    deps.db.prisma.task.findFirst({
      where: { teamId: trend.teamId, trendId: trend.id },
      select: { number: true },
    }),
    deps.db.prisma.trendLink.findFirst({
      where: { trendId: trend.id, teamId: trend.teamId },
      include: { initiative: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  return { existingTask, linked: link?.initiative ?? null };
}
