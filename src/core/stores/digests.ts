import type { Deps } from '../../deps.js';

import type { NetChange } from '../../domain/digest/net-ownership.js';
import type { Discipline, Initiative, PressRelease, Prisma, Trend } from '../../generated/prisma/client.js';
import {
  type ChannelScope,
  channelsOf,
  eventsIn,
  initiativesIn,
  releasesIn,
  type Tally,
  tallyInitiatives,
  tallyOf,
  tallyTasks,
  tasksIn,
  totalFrom,
  trendsIn,
  type WorkChannels,
} from './channel-scope.js';
import { type DigestOwnershipStep, netOwnership } from './digest-ownership.js';
import type { TaskWithInitiative } from './tasks.js';

/** Each list in the digest shows at most this many items, then "and N more". */
export const DIGEST_ITEMS = 8;

export interface Counted<T> {
  items: T[];
  total: number;
}

/** What one digest covers. */
export interface DigestWindow {
  teamId: string;
  /** Today and two days on in the workspace, as stored dates. */
  today: Date;
  soon: Date;
  /** Everything since this instant counts as new. */
  since: Date;
  /** A personal digest: what this person owns, and unclaimed work that fits their discipline. */
  personal: { userId: string; discipline: Discipline | null } | null;
}

export interface DigestPages {
  overdueInitiatives: Counted<Initiative>;
  overdueTasks: Counted<TaskWithInitiative>;
  dueSoonInitiatives: Counted<Initiative>;
  dueSoonTasks: Counted<TaskWithInitiative>;
  unclaimed: Counted<TaskWithInitiative>;
  blocked: Counted<TaskWithInitiative>;
  newTrends: Counted<Trend>;
  /** Net per item over the window, in the order items first changed hands. */
  ownershipChanges: Counted<NetChange<DigestOwnershipStep>>;
  /** Press releases with drafts nobody has approved yet, and which networks wait. */
  awaitingApproval: Counted<PressRelease & { drafts: Array<{ network: string }> }>;
}

const OPEN_INITIATIVE = { status: { in: ['planned' as const, 'active' as const] } };
const OPEN_TASK = { status: { not: 'done' as const } };

/** Each list's rows before anyone's view of them is applied. */
function lists(w: DigestWindow) {
  const { teamId, personal } = w;
  const mineInitiatives = personal ? { ownerId: personal.userId } : {};
  const mineTasks = personal ? { assigneeId: personal.userId } : {};
  const fitsMe: Prisma.TaskWhereInput =
    personal?.discipline && personal.discipline !== 'joint'
      ? { OR: [{ discipline: personal.discipline }, { discipline: null }, { discipline: 'joint' }] }
      : {};
  const aboutMe = personal ? { OR: [{ toUserId: personal.userId }, { fromUserId: personal.userId }] } : {};
  const initiative = (where: Prisma.InitiativeWhereInput): Prisma.InitiativeWhereInput => ({
    teamId,
    ...OPEN_INITIATIVE,
    ...where,
  });
  const task = (where: Prisma.TaskWhereInput): Prisma.TaskWhereInput => ({ teamId, ...OPEN_TASK, ...where });
  return {
    overdueInitiatives: initiative({ dueDate: { lt: w.today }, ...mineInitiatives }),
    dueSoonInitiatives: initiative({ dueDate: { gte: w.today, lte: w.soon }, ...mineInitiatives }),
    overdueTasks: task({ dueDate: { lt: w.today }, ...mineTasks }),
    dueSoonTasks: task({ dueDate: { gte: w.today, lte: w.soon }, ...mineTasks }),
    unclaimed: task({ assigneeId: null, status: 'open', ...fitsMe }),
    blocked: task({ status: 'blocked', ...mineTasks }),
    trends: { teamId, createdAt: { gt: w.since } } satisfies Prisma.TrendWhereInput,
    // Who owns what; status and due-date changes are history, not ownership changes.
    events: {
      teamId,
      at: { gt: w.since },
      change: { notIn: ['status', 'due'] },
      ...aboutMe,
    } satisfies Prisma.OwnershipEventWhereInput,
    // A personal digest leaves approvals to the team digest.
    awaiting: personal
      ? null
      : ({ teamId, drafts: { some: { status: 'pending' } } } satisfies Prisma.PressReleaseWhereInput),
  };
}

/** How each list spreads over channels, before anyone's view of it applies. */
export interface DigestTallies {
  overdueInitiatives: Tally;
  dueSoonInitiatives: Tally;
  overdueTasks: Tally;
  dueSoonTasks: Tally;
  unclaimed: Tally;
  blocked: Tally;
  trends: Tally;
  awaiting: Tally;
  /** Where the items of the ownership changes are: their tasks', and their initiatives'. */
  events: Tally[];
}

const noRows = (): Tally => ({ byChannel: new Map(), unpostedIn: null });

/**
 * Counts each list per channel (one grouped query each): the channels to look up once before
 * the lists are read for someone, and each list's total for any reader without a count query.
 */
export async function digestTallies(deps: Deps, w: DigestWindow): Promise<DigestTallies> {
  const l = lists(w);
  const { prisma } = deps.db;
  const [
    overdueInitiatives,
    dueSoonInitiatives,
    overdueTasks,
    dueSoonTasks,
    unclaimed,
    blocked,
    trends,
    awaiting,
    eventTasks,
    eventInitiatives,
  ] = await Promise.all([
    tallyInitiatives(deps, l.overdueInitiatives),
    tallyInitiatives(deps, l.dueSoonInitiatives),
    tallyTasks(deps, l.overdueTasks),
    tallyTasks(deps, l.dueSoonTasks),
    tallyTasks(deps, l.unclaimed),
    tallyTasks(deps, l.blocked),
    prisma.trend
      .groupBy({
        by: ['sourceChannel'],
        where: l.trends,
        _count: { _all: true },
        orderBy: { sourceChannel: 'asc' },
      })
      .then((rows) => tallyOf(rows, 'sourceChannel')),
    l.awaiting
      ? prisma.pressRelease
          .groupBy({
            by: ['channelId'],
            where: l.awaiting,
            _count: { _all: true },
            orderBy: { channelId: 'asc' },
          })
          .then((rows) => tallyOf(rows, 'channelId'))
      : noRows(),
    tallyTasks(deps, { ownershipEvents: { some: l.events } }),
    tallyInitiatives(deps, { ownershipEvents: { some: { AND: [l.events, { taskId: null }] } } }),
  ]);
  return {
    overdueInitiatives,
    dueSoonInitiatives,
    overdueTasks,
    dueSoonTasks,
    unclaimed,
    blocked,
    trends,
    awaiting,
    events: [eventTasks, eventInitiatives],
  };
}

export function digestChannels(t: DigestTallies): WorkChannels {
  const { events, ...lists } = t;
  return channelsOf([...Object.values(lists), ...events]);
}

/**
 * The digest's lists as one reader sees them: a page of each (the scope filters it in SQL) and
 * its total, added up from the tallies wherever the reader sees whole channels, so composing
 * costs the same for 100 rows as for 50,000.
 */
export async function digestPages(
  deps: Deps,
  w: DigestWindow,
  scope: ChannelScope,
  tallies: DigestTallies,
): Promise<DigestPages> {
  const { prisma } = deps.db;
  const l = lists(w);
  const { unpostedTasks } = digestChannels(tallies);
  const counted = async <T>(tally: Tally, page: Promise<T[]>, count: () => Promise<number>) => {
    const [items, total] = await Promise.all([page, totalFrom(tally, scope) ?? count()]);
    return { items, total };
  };
  const initiatives = (where: Prisma.InitiativeWhereInput, tally: Tally): Promise<Counted<Initiative>> => {
    const full = { AND: [where, initiativesIn(scope)] };
    return counted(
      tally,
      prisma.initiative.findMany({
        where: full,
        orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
        take: DIGEST_ITEMS,
      }),
      () => prisma.initiative.count({ where: full }),
    );
  };
  const tasks = (where: Prisma.TaskWhereInput, tally: Tally): Promise<Counted<TaskWithInitiative>> => {
    const full = { AND: [where, tasksIn(scope, unpostedTasks)] };
    return counted(
      tally,
      prisma.task.findMany({
        where: full,
        include: { initiative: true },
        orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
        take: DIGEST_ITEMS,
      }),
      () => prisma.task.count({ where: full }),
    );
  };
  const trendWhere = { AND: [l.trends, trendsIn(scope)] };
  const eventWhere = { AND: [l.events, eventsIn(scope, unpostedTasks)] };
  const awaitingWhere = l.awaiting ? { AND: [l.awaiting, releasesIn(scope)] } : null;
  const [
    overdueInitiatives,
    overdueTasks,
    dueSoonInitiatives,
    dueSoonTasks,
    unclaimed,
    blocked,
    newTrends,
    ownershipChanges,
    awaitingApproval,
  ] = await Promise.all([
    initiatives(l.overdueInitiatives, tallies.overdueInitiatives),
    tasks(l.overdueTasks, tallies.overdueTasks),
    initiatives(l.dueSoonInitiatives, tallies.dueSoonInitiatives),
    tasks(l.dueSoonTasks, tallies.dueSoonTasks),
    tasks(l.unclaimed, tallies.unclaimed),
    tasks(l.blocked, tallies.blocked),
    counted(
      tallies.trends,
      prisma.trend.findMany({ where: trendWhere, orderBy: { number: 'asc' }, take: DIGEST_ITEMS }),
      () => prisma.trend.count({ where: trendWhere }),
    ),
    netOwnership(deps, eventWhere, scope, DIGEST_ITEMS),
    // Only the newest version of a draft can be pending: a new version supersedes a pending one.
    awaitingWhere
      ? counted(
          tallies.awaiting,
          prisma.pressRelease.findMany({
            where: awaitingWhere,
            include: { drafts: { where: { status: 'pending' }, select: { network: true } } },
            orderBy: { number: 'asc' },
            take: DIGEST_ITEMS,
          }),
          () => prisma.pressRelease.count({ where: awaitingWhere }),
        )
      : { items: [], total: 0 },
  ]);
  return {
    overdueInitiatives,
    overdueTasks,
    dueSoonInitiatives,
    dueSoonTasks,
    unclaimed,
    blocked,
    newTrends,
    ownershipChanges,
    awaitingApproval,
  };
}
