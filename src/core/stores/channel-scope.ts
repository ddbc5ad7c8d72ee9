import type { Deps } from '../../deps.js';
import type { ChannelAccess } from '../../domain/policy/visibility.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * What of the work a reader sees, channel by channel, decided before a list is read (from Slack
 * and the policy), so that the query itself leaves the rest out: a page fills with what they may
 * see and its count is theirs. A channel in neither list is hidden, including one that gained
 * its first item after the scope was made.
 */
export interface ChannelScope {
  /** Channels whose work is shown. */
  all: string[];
  /** Channels whose work is shown only to `userId`, as the owner of the item or of its initiative. */
  own: string[];
  userId: string | null;
  /** Work tied to no channel. */
  unchanneled: ChannelAccess;
}

interface Shape<W> {
  /** Matches no row. */
  none: W;
  inChannels: (ids: string[]) => W;
  /** Null where rows always have a channel. */
  noChannel: W | null;
  owns: (userId: string) => W;
}

/** The where-clause branches a scope allows, or a branch that matches nothing. */
function scoped<W>(scope: ChannelScope, shape: Shape<W>): { OR: Array<W | { AND: W[] }> } {
  const branches: Array<W | { AND: W[] }> = [];
  if (scope.all.length > 0) branches.push(shape.inChannels(scope.all));
  const { noChannel } = shape;
  if (noChannel && scope.unchanneled === 'all') branches.push(noChannel);
  if (scope.userId) {
    const owns = shape.owns(scope.userId);
    if (scope.own.length > 0) branches.push({ AND: [shape.inChannels(scope.own), owns] });
    if (noChannel && scope.unchanneled === 'own') branches.push({ AND: [noChannel, owns] });
  }
  // Prisma drops an empty OR nested in an AND, which would then match every row.
  return { OR: branches.length > 0 ? branches : [shape.none] };
}

/**
 * A task's channel is its message's, else (a task saved without one) its initiative's. Only when
 * such tasks are among the rows does the filter look at initiatives: that join is what costs.
 */
export const tasksIn = (scope: ChannelScope, unposted: boolean): Prisma.TaskWhereInput =>
  scoped<Prisma.TaskWhereInput>(scope, {
    none: { id: { in: [] } },
    inChannels: (ids) =>
      unposted
        ? {
            OR: [
              { messageChannel: { in: ids } },
              { messageChannel: null, initiative: { channelId: { in: ids } } },
            ],
          }
        : { messageChannel: { in: ids } },
    noChannel: unposted ? { messageChannel: null, initiative: { channelId: null } } : null,
    owns: (userId) => ({ OR: [{ assigneeId: userId }, { initiative: { ownerId: userId } }] }),
  });

export const initiativesIn = (scope: ChannelScope): Prisma.InitiativeWhereInput =>
  scoped<Prisma.InitiativeWhereInput>(scope, {
    none: { id: { in: [] } },
    inChannels: (ids) => ({ channelId: { in: ids } }),
    noChannel: { channelId: null },
    owns: (userId) => ({ ownerId: userId }),
  });

export const trendsIn = (scope: ChannelScope): Prisma.TrendWhereInput =>
  scoped<Prisma.TrendWhereInput>(scope, {
    none: { id: { in: [] } },
    inChannels: (ids) => ({ sourceChannel: { in: ids } }),
    noChannel: { sourceChannel: null },
    owns: (userId) => ({ reporterId: userId }),
  });

export const releasesIn = (scope: ChannelScope): Prisma.PressReleaseWhereInput =>
  scoped<Prisma.PressReleaseWhereInput>(scope, {
    none: { id: { in: [] } },
    inChannels: (ids) => ({ channelId: { in: ids } }),
    noChannel: { channelId: null },
    owns: (userId) => ({ createdBy: userId }),
  });

/** An ownership change is seen with the task, or else the initiative, it is about. */
export const eventsIn = (scope: ChannelScope, unposted: boolean): Prisma.OwnershipEventWhereInput => ({
  OR: [
    { task: { is: tasksIn(scope, unposted) } },
    { taskId: null, initiative: { is: initiativesIn(scope) } },
    ...(scope.unchanneled === 'all' ? [{ taskId: null, initiativeId: null }] : []),
  ],
});

/** How many rows of a list each channel holds: where they are, and how many a reader sees. */
export interface Tally {
  /** `null`: rows tied to no channel (for tasks: saved without a message, see `unpostedIn`). */
  byChannel: Map<string | null, number>;
  /** The channels of tasks saved without a message (older rows): their initiatives'. */
  unpostedIn: string[] | null;
}

/** The channels some work is in, each once, and whether tasks without a message are among it. */
export interface WorkChannels {
  channels: string[];
  unpostedTasks: boolean;
}

export function channelsOf(tallies: Tally[]): WorkChannels {
  const channels = new Set<string>();
  for (const tally of tallies) {
    for (const channel of tally.byChannel.keys()) if (channel) channels.add(channel);
    for (const channel of tally.unpostedIn ?? []) channels.add(channel);
  }
  return { channels: [...channels], unpostedTasks: tallies.some((t) => t.unpostedIn !== null) };
}

/**
 * A list's total for a reader, added up from its tally; null when only a count query can tell
 * (channels where they see just their own work, tasks whose channel is their initiative's).
 */
export function totalFrom(tally: Tally, scope: ChannelScope): number | null {
  if (tally.unpostedIn !== null) return null;
  const all = new Set(scope.all);
  const own = new Set(scope.own);
  let total = 0;
  for (const [channel, rows] of tally.byChannel) {
    const access =
      channel === null ? scope.unchanneled : all.has(channel) ? 'all' : own.has(channel) ? 'own' : 'none';
    if (access === 'own') return null;
    if (access === 'all') total += rows;
  }
  return total;
}

/** A tally from grouped rows (`groupBy` on the channel column, counting all). */
export const tallyOf = <K extends string>(
  rows: Array<Record<K, string | null> & { _count: { _all: number } }>,
  key: K,
): Tally => ({ byChannel: new Map(rows.map((r) => [r[key], r._count._all] as const)), unpostedIn: null });

/** Grouped in SQL: one row per channel, however many tasks. */
export async function tallyTasks(deps: Deps, where: Prisma.TaskWhereInput): Promise<Tally> {
  const rows = await deps.db.prisma.task.groupBy({
    by: ['messageChannel'],
    where,
    _count: { _all: true },
    orderBy: { messageChannel: 'asc' },
  });
  const tally = tallyOf(rows, 'messageChannel');
  if (!tally.byChannel.has(null)) return tally;
  const initiatives = await tallyInitiatives(deps, {
    tasks: { some: { AND: [where, { messageChannel: null }] } },
  });
  const unpostedIn = [...initiatives.byChannel.keys()].filter((c): c is string => Boolean(c));
  return { ...tally, unpostedIn };
}

export async function tallyInitiatives(deps: Deps, where: Prisma.InitiativeWhereInput): Promise<Tally> {
  const rows = await deps.db.prisma.initiative.groupBy({
    by: ['channelId'],
    where,
    _count: { _all: true },
    orderBy: { channelId: 'asc' },
  });
  return tallyOf(rows, 'channelId');
}
