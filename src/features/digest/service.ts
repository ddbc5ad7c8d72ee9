import type { WorkspaceSettings } from '../../core/settings.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { addDays, todayIn } from '../../domain/calendar-date.js';
import type {
  Discipline,
  Initiative,
  OwnershipEvent,
  PressRelease,
  Task,
  Trend,
} from '../../generated/prisma/client.js';

/** Each list in the digest shows at most this many items, then "and N more". */
export const DIGEST_ITEMS = 8;

export interface Counted<T> {
  items: T[];
  total: number;
}

export interface DigestData {
  workspace: WorkspaceSettings;
  today: string;
  overdueInitiatives: Counted<Initiative>;
  overdueTasks: Counted<TaskWithInitiative>;
  dueSoonInitiatives: Counted<Initiative>;
  dueSoonTasks: Counted<TaskWithInitiative>;
  unclaimed: Counted<TaskWithInitiative>;
  blocked: Counted<TaskWithInitiative>;
  newTrends: Counted<Trend>;
  ownershipChanges: Counted<OwnershipEvent & { initiative: Initiative | null; task: Task | null }>;
  /** Press releases with drafts nobody has approved yet, and which networks wait. */
  awaitingApproval: Counted<PressRelease & { drafts: Array<{ network: string }> }>;
  /** The days whose digest was skipped since the last one sent (Tandem was down past the grace window). */
  skippedDays: string[];
  /** Everything since this instant counts as new: the last digest sent, or a day ago. */
  since: Date;
}

const OPEN_INITIATIVE = { status: { in: ['planned' as const, 'active' as const] } };
const OPEN_TASK = { status: { not: 'done' as const } };

/**
 * What the digest reports, gathered with bounded queries (a page of each list plus its count), so
 * composing it costs the same for 100 rows as for 50,000.
 */
/** A personal digest: only what concerns one person (what they own, what fits their discipline). */
export interface PersonalScope {
  userId: string;
  discipline: Discipline | null;
}

export async function gatherDigest(
  deps: Deps,
  teamId: string,
  now: Date,
  personal?: PersonalScope,
): Promise<DigestData> {
  const workspace = await loadWorkspaceFresh(deps, teamId);
  const { prisma } = deps.db;
  const today = todayIn({ now, timezone: workspace.timezone }) ?? now.toISOString().slice(0, 10);
  const todayDb = calendarDateToDb(today);
  const soonDb = calendarDateToDb(addDays(today, 2) ?? today);
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  let since = dayAgo;
  let skippedDays: string[] = [];
  if (personal) {
    const last = await prisma.nudgeSent.findFirst({
      where: { teamId, kind: 'personal_digest', recipientId: personal.userId, sentAt: { lt: now } },
      orderBy: { sentAt: 'desc' },
      select: { sentAt: true },
    });
    since = last?.sentAt ?? dayAgo;
  } else {
    const lastSent = await prisma.digestRun.findFirst({
      where: { teamId, status: 'sent' },
      orderBy: { sentAt: 'desc' },
      select: { sentAt: true, localDate: true },
    });
    since = lastSent?.sentAt ?? dayAgo;
    const skipped = await prisma.digestRun.findMany({
      where: { teamId, status: 'skipped', ...(lastSent ? { localDate: { gt: lastSent.localDate } } : {}) },
      orderBy: { localDate: 'asc' },
      select: { localDate: true },
    });
    skippedDays = skipped.map((d) => d.localDate);
  }
  // Personal: what the person owns, and unclaimed work that fits their discipline (or anyone's).
  const mineInitiatives = personal ? { ownerId: personal.userId } : {};
  const mineTasks = personal ? { assigneeId: personal.userId } : {};
  const fitsMe =
    personal?.discipline && personal.discipline !== 'joint'
      ? { OR: [{ discipline: personal.discipline }, { discipline: null }, { discipline: 'joint' as const }] }
      : {};
  const aboutMe = personal ? { OR: [{ toUserId: personal.userId }, { fromUserId: personal.userId }] } : {};

  const initiatives = async (where: object): Promise<Counted<Initiative>> => {
    const full = { teamId, ...OPEN_INITIATIVE, ...where };
    const [items, total] = await Promise.all([
      prisma.initiative.findMany({
        where: full,
        orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
        take: DIGEST_ITEMS,
      }),
      prisma.initiative.count({ where: full }),
    ]);
    return { items, total };
  };
  const tasks = async (where: object): Promise<Counted<TaskWithInitiative>> => {
    const full = { teamId, ...OPEN_TASK, ...where };
    const [items, total] = await Promise.all([
      prisma.task.findMany({
        where: full,
        include: { initiative: true },
        orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
        take: DIGEST_ITEMS,
      }),
      prisma.task.count({ where: full }),
    ]);
    return { items, total };
  };

  const trendWhere = { teamId, createdAt: { gt: since } };
  const eventWhere = { teamId, at: { gt: since }, ...aboutMe };
  const awaitingWhere = { teamId, drafts: { some: { status: 'pending' as const } } };
  const [
    overdueInitiatives,
    overdueTasks,
    dueSoonInitiatives,
    dueSoonTasks,
    unclaimed,
    blocked,
    trends,
    trendCount,
    events,
    eventCount,
    awaiting,
    awaitingCount,
  ] = await Promise.all([
    initiatives({ dueDate: { lt: todayDb }, ...mineInitiatives }),
    tasks({ dueDate: { lt: todayDb }, ...mineTasks }),
    initiatives({ dueDate: { gte: todayDb, lte: soonDb }, ...mineInitiatives }),
    tasks({ dueDate: { gte: todayDb, lte: soonDb }, ...mineTasks }),
    tasks({ assigneeId: null, status: 'open', ...fitsMe }),
    tasks({ status: 'blocked', ...mineTasks }),
    prisma.trend.findMany({ where: trendWhere, orderBy: { number: 'asc' }, take: DIGEST_ITEMS }),
    prisma.trend.count({ where: trendWhere }),
    prisma.ownershipEvent.findMany({
      where: eventWhere,
      include: { initiative: true, task: true },
      orderBy: { id: 'asc' },
      take: DIGEST_ITEMS,
    }),
    prisma.ownershipEvent.count({ where: eventWhere }),
    // Only the newest version of a draft can be pending: a new version supersedes a pending one.
    personal
      ? []
      : prisma.pressRelease.findMany({
          where: awaitingWhere,
          include: { drafts: { where: { status: 'pending' }, select: { network: true } } },
          orderBy: { number: 'asc' },
          take: DIGEST_ITEMS,
        }),
    personal ? 0 : prisma.pressRelease.count({ where: awaitingWhere }),
  ]);
  return {
    workspace,
    today,
    overdueInitiatives,
    overdueTasks,
    dueSoonInitiatives,
    dueSoonTasks,
    unclaimed,
    blocked,
    newTrends: { items: trends, total: trendCount },
    ownershipChanges: { items: events, total: eventCount },
    awaitingApproval: { items: awaiting, total: awaitingCount },
    skippedDays,
    since,
  };
}
