import type { Deps } from '../../deps.js';

/** A claim older than this is taken to belong to a process that died mid-send. */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

/** `takenOver`: a process that claimed the day died; its digest may or may not have gone out. */
export type Claim = { kind: 'claimed'; takenOver: boolean } | { kind: 'done' };

/**
 * Claims the right to send one workspace's digest for one local day. The (team, day) key means
 * two replicas (or two ticks) can never both win; a claim left behind by a crashed process is
 * taken over once it is stale, so the day's digest still goes out.
 */
export async function claimDigest(
  deps: Deps,
  teamId: string,
  localDate: string,
  scheduledFor: Date,
): Promise<Claim> {
  const { digestRun } = deps.db.prisma;
  const now = deps.clock.now();
  const { count } = await digestRun.createMany({
    data: [{ teamId, localDate, scheduledFor, status: 'sending', claimedAt: now }],
    skipDuplicates: true,
  });
  if (count === 1) return { kind: 'claimed', takenOver: false };
  const taken = await digestRun.updateMany({
    where: {
      teamId,
      localDate,
      status: 'sending',
      claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) },
    },
    data: { claimedAt: now },
  });
  return taken.count === 1 ? { kind: 'claimed', takenOver: true } : { kind: 'done' };
}

export async function markSent(
  deps: Deps,
  teamId: string,
  localDate: string,
  channel: string,
  ts: string | undefined,
): Promise<void> {
  await deps.db.prisma.digestRun.update({
    where: { teamId_localDate: { teamId, localDate } },
    data: { status: 'sent', sentAt: deps.clock.now(), channel, messageTs: ts ?? null },
  });
}

/** Lets the next tick try again (Slack refused or failed); the day stays claimable. */
export async function releaseClaim(deps: Deps, teamId: string, localDate: string): Promise<void> {
  await deps.db.prisma.digestRun.deleteMany({ where: { teamId, localDate, status: 'sending' } });
}

/**
 * Records a day whose digest time passed beyond the grace window while Tandem was down, unless
 * the day already has its row (sent, being sent, or skipped before): `false` then.
 */
export async function markSkipped(
  deps: Deps,
  teamId: string,
  localDate: string,
  scheduledFor: Date,
): Promise<boolean> {
  const { count } = await deps.db.prisma.digestRun.createMany({
    data: [{ teamId, localDate, scheduledFor, status: 'skipped' }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Since when the next digest reports, and which days went without one since the last sent. */
export async function sinceLastDigest(
  deps: Deps,
  teamId: string,
): Promise<{ sentAt: Date | null; skippedDays: string[] }> {
  const { digestRun } = deps.db.prisma;
  const last = await digestRun.findFirst({
    where: { teamId, status: 'sent' },
    orderBy: { sentAt: 'desc' },
    select: { sentAt: true, localDate: true },
  });
  const skipped = await digestRun.findMany({
    where: { teamId, status: 'skipped', ...(last ? { localDate: { gt: last.localDate } } : {}) },
    orderBy: { localDate: 'asc' },
    select: { localDate: true },
  });
  return { sentAt: last?.sentAt ?? null, skippedDays: skipped.map((d) => d.localDate) };
}
