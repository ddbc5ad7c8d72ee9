import type { Deps } from '../../deps.js';
import type { DigestStatus } from '../../generated/prisma/client.js';

export interface DigestDay {
  localDate: string;
  status: DigestStatus;
  /** The channel posted in, or last tried. */
  channel: string | null;
  sentAt: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
}

const DIGEST_DAY = {
  localDate: true,
  status: true,
  channel: true,
  sentAt: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
} as const;

/** The workspace's most recent digest day, whatever became of it, and the last one posted. */
export async function latestDigests(
  deps: Deps,
  teamId: string,
): Promise<{ latest: DigestDay | null; lastSent: DigestDay | null }> {
  const [latest, lastSent] = await Promise.all([
    latestDigestDay(deps, teamId),
    deps.db.prisma.digestRun.findFirst({
      where: { teamId, status: 'sent' },
      orderBy: { localDate: 'desc' },
      select: DIGEST_DAY,
    }),
  ]);
  return { latest, lastSent };
}

/** The workspace's most recent digest day alone (the App Home banner needs no more). */
export function latestDigestDay(deps: Deps, teamId: string): Promise<DigestDay | null> {
  return deps.db.prisma.digestRun.findFirst({
    where: { teamId },
    orderBy: { localDate: 'desc' },
    select: DIGEST_DAY,
  });
}

export interface UndeliveredNudges {
  recipientId: string;
  /** Slack's refusal; null for nudges dropped before Tandem kept it. */
  refusal: string | null;
  count: number;
  lastAt: Date;
}

/** Nudges Slack would never deliver since `since`, one row per recipient and refusal, latest first. */
export async function undeliveredNudgesSince(
  deps: Deps,
  teamId: string,
  since: Date,
): Promise<UndeliveredNudges[]> {
  const groups = await deps.db.prisma.nudgeSent.groupBy({
    by: ['recipientId', 'refusal'],
    where: { teamId, skipped: 'undeliverable', sentAt: { gte: since } },
    _count: { _all: true },
    _max: { sentAt: true },
  });
  return groups
    .map((g) => ({
      recipientId: g.recipientId,
      refusal: g.refusal,
      count: g._count._all,
      lastAt: g._max.sentAt ?? since,
    }))
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}
