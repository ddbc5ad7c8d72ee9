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
  // A refused attempt whose wait is over: it posted nothing, so nothing needs looking for.
  const retry = await digestRun.updateMany({
    where: { teamId, localDate, status: 'retrying', nextAttemptAt: { lte: now } },
    data: { status: 'sending', claimedAt: now },
  });
  if (retry.count === 1) return { kind: 'claimed', takenOver: false };
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

/** After this many refused or failed attempts in a day, the day's digest is given up. */
export const MAX_DIGEST_ATTEMPTS = 5;
/** The first wait before trying again; each later one doubles (1, 2, 4, 8 minutes). */
export const FIRST_RETRY_MS = 60_000;

export type AttemptOutcome =
  | { kind: 'retrying'; attempts: number; nextAttemptAt: Date }
  | { kind: 'gave-up' };

/**
 * Records an attempt Slack refused or that failed. A refusal that cannot change by waiting (an
 * archived channel) gives the day up at once; anything else waits, twice as long each time, until
 * the attempts run out. The channel tried is kept, so that a status can tell a problem an admin
 * has since fixed (another channel chosen) from one still there.
 */
export async function recordFailedAttempt(
  deps: Deps,
  teamId: string,
  localDate: string,
  failure: { reason: string; permanent: boolean; channel: string | null },
): Promise<AttemptOutcome> {
  const { digestRun } = deps.db.prisma;
  const row = await digestRun.findUnique({ where: { teamId_localDate: { teamId, localDate } } });
  const attempts = (row?.attempts ?? 0) + 1;
  const lastError = failure.reason.slice(0, 200);
  const { channel } = failure;
  if (failure.permanent || attempts >= MAX_DIGEST_ATTEMPTS) {
    await digestRun.updateMany({
      where: { teamId, localDate, status: 'sending' },
      data: { status: 'failed', attempts, lastError, channel, nextAttemptAt: null },
    });
    return { kind: 'gave-up' };
  }
  const nextAttemptAt = new Date(deps.clock.now().getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1));
  await digestRun.updateMany({
    where: { teamId, localDate, status: 'sending' },
    data: { status: 'retrying', attempts, lastError, channel, nextAttemptAt },
  });
  return { kind: 'retrying', attempts, nextAttemptAt };
}

/** A day whose retries outlived its grace window is given up with its last reason. */
export async function abandonRetries(deps: Deps, teamId: string, localDate: string): Promise<void> {
  await deps.db.prisma.digestRun.updateMany({
    where: { teamId, localDate, status: 'retrying' },
    data: { status: 'failed', nextAttemptAt: null },
  });
}

/** Why the last given-up day before `localDate` was given up, so the admins hear of a problem once. */
export async function lastGivenUpReason(
  deps: Deps,
  teamId: string,
  localDate: string,
): Promise<string | null> {
  const last = await deps.db.prisma.digestRun.findFirst({
    where: { teamId, localDate: { lt: localDate }, status: { in: ['sent', 'failed'] } },
    orderBy: { localDate: 'desc' },
    select: { status: true, lastError: true },
  });
  return last?.status === 'failed' ? last.lastError : null;
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
