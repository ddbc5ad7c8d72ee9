import type { Deps } from '../../deps.js';
import type { Discipline, NudgeSent } from '../../generated/prisma/client.js';

export type NudgeKind =
  | 'deadline'
  | 'deadline_escalation'
  | 'unowned'
  | 'shared_trend'
  | 'trend_unclaimed'
  | 'embargo';
export type ItemType = 'initiative' | 'task' | 'trend' | 'release';

export interface PlannedNudge {
  kind: NudgeKind;
  recipientId: string;
  itemType: ItemType;
  itemId: string;
  window: string;
}

/** Why a claimed nudge was not sent. */
export type SkipReason = 'hidden' | 'stale' | 'undeliverable';

/** Records planned nudges; the unique key drops any already recorded, so each goes out once. */
export async function recordNudges(
  deps: Deps,
  teamId: string,
  nudges: Array<PlannedNudge & { notBefore: Date }>,
): Promise<number> {
  if (nudges.length === 0) return 0;
  const { count } = await deps.db.prisma.nudgeSent.createMany({
    data: nudges.map((n) => ({ teamId, ...n })),
    skipDuplicates: true,
  });
  return count;
}

/** The nudges already recorded about these items, whatever became of them. */
export function nudgesAbout(
  deps: Deps,
  teamId: string,
  itemIds: string[],
): Promise<Array<Pick<NudgeSent, 'kind' | 'recipientId' | 'itemType' | 'itemId' | 'window'>>> {
  return deps.db.prisma.nudgeSent.findMany({
    where: { teamId, itemId: { in: itemIds } },
    select: { kind: true, recipientId: true, itemType: true, itemId: true, window: true },
  });
}

/** Recorded nudges whose time has come, a bounded batch per tick. */
export function dueNudges(deps: Deps, teamId: string, now: Date, take = 200): Promise<NudgeSent[]> {
  return deps.db.prisma.nudgeSent.findMany({
    where: { teamId, sentAt: null, notBefore: { lte: now } },
    take,
  });
}

/** Moves a waiting nudge to a later instant (the recipient's morning). */
export async function deferNudge(deps: Deps, id: bigint, until: Date): Promise<void> {
  await deps.db.prisma.nudgeSent.updateMany({ where: { id, sentAt: null }, data: { notBefore: until } });
}

/**
 * Takes a nudge, to send it or (with a reason) to drop it for good; another replica (or the next
 * tick) then finds it taken.
 */
export async function claimNudge(deps: Deps, id: bigint, now: Date, skipped?: SkipReason): Promise<boolean> {
  const { count } = await deps.db.prisma.nudgeSent.updateMany({
    where: { id, sentAt: null },
    data: { sentAt: now, skipped: skipped ?? null },
  });
  return count === 1;
}

/**
 * A claimed nudge whose DM Slack refused for good: it stays claimed, with why it was not sent and
 * Slack's own word for it, which the admins' status turns into a fix.
 */
export async function markUndeliverable(deps: Deps, id: bigint, refusal: string): Promise<void> {
  await deps.db.prisma.nudgeSent.update({
    where: { id },
    data: { skipped: 'undeliverable', refusal: refusal.slice(0, 100) },
  });
}

/** A DM that failed for a passing reason: un-claimed, counted, and not tried again before `at`. */
export async function retryNudgeAt(deps: Deps, id: bigint, at: Date): Promise<void> {
  await deps.db.prisma.nudgeSent.update({
    where: { id },
    data: { sentAt: null, notBefore: at, attempts: { increment: 1 } },
  });
}

const OPEN_INITIATIVE = { status: { in: ['planned' as const, 'active' as const] } };

export interface NudgeCandidates {
  /** Open initiatives due by the horizon. */
  initiatives: Array<{
    id: string;
    ownerId: string | null;
    dueDate: Date | null;
    leadDiscipline: Discipline;
  }>;
  /** Open tasks due by the horizon and not snoozed now. */
  tasks: Array<{
    id: string;
    assigneeId: string | null;
    dueDate: Date | null;
    discipline: Discipline | null;
  }>;
  /** Open initiatives without an owner, created before `unownedSince`. */
  unowned: Array<{ id: string; leadDiscipline: Discipline }>;
  /** Trend responses nobody claimed by their respond-by time. */
  lateResponses: Array<{ id: string }>;
}

/** What the nudge planner reads of one workspace's work. */
export async function nudgeCandidates(
  deps: Deps,
  teamId: string,
  at: { now: Date; horizon: Date; unownedSince: Date },
): Promise<NudgeCandidates> {
  const { prisma } = deps.db;
  const [initiatives, tasks, unowned, lateResponses] = await Promise.all([
    prisma.initiative.findMany({
      where: { teamId, ...OPEN_INITIATIVE, dueDate: { lte: at.horizon } },
      select: { id: true, ownerId: true, dueDate: true, leadDiscipline: true },
    }),
    prisma.task.findMany({
      where: {
        teamId,
        status: { not: 'done' },
        dueDate: { lte: at.horizon },
        OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: at.now } }],
      },
      select: { id: true, assigneeId: true, dueDate: true, discipline: true },
    }),
    prisma.initiative.findMany({
      where: { teamId, ownerId: null, ...OPEN_INITIATIVE, createdAt: { lte: at.unownedSince } },
      select: { id: true, leadDiscipline: true },
    }),
    prisma.task.findMany({
      where: { teamId, assigneeId: null, status: 'open', respondBy: { lte: at.now } },
      select: { id: true },
    }),
  ]);
  return { initiatives, tasks, unowned, lateResponses };
}

// Personal digests go through the same ledger: kind personal_digest, window = the local day.
const personalKey = (teamId: string, userId: string, localDate: string) => ({
  teamId,
  kind: 'personal_digest',
  recipientId: userId,
  itemType: 'member',
  itemId: userId,
  window: localDate,
});

/** Takes one person's personal digest for one local day; false when it is already taken. */
export async function claimPersonalDigest(
  deps: Deps,
  teamId: string,
  userId: string,
  localDate: string,
  now: Date,
): Promise<boolean> {
  const { count } = await deps.db.prisma.nudgeSent.createMany({
    data: [{ ...personalKey(teamId, userId, localDate), notBefore: now, sentAt: now }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** The DM did not go out: the day may be tried again. */
export async function releasePersonalDigest(
  deps: Deps,
  teamId: string,
  userId: string,
  localDate: string,
): Promise<void> {
  await deps.db.prisma.nudgeSent.deleteMany({ where: personalKey(teamId, userId, localDate) });
}

/** When this person's last personal digest went out, before `now`. */
export async function lastPersonalDigestAt(
  deps: Deps,
  teamId: string,
  userId: string,
  now: Date,
): Promise<Date | null> {
  const last = await deps.db.prisma.nudgeSent.findFirst({
    where: { teamId, kind: 'personal_digest', recipientId: userId, sentAt: { lt: now } },
    orderBy: { sentAt: 'desc' },
    select: { sentAt: true },
  });
  return last?.sentAt ?? null;
}
