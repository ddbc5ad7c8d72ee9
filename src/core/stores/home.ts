import type { Deps } from '../../deps.js';
import type { Discipline, Initiative, Prisma } from '../../generated/prisma/client.js';
import { type ChannelScope, channelsOf, tallyTasks, tasksIn, type WorkChannels } from './channel-scope.js';
import type { TaskWithInitiative } from './tasks.js';

const HOME_LIMITS = { initiatives: 10, tasks: 15, unclaimed: 10 } as const;

export interface HomeLists {
  initiatives: Initiative[];
  tasks: TaskWithInitiative[];
  unclaimed: TaskWithInitiative[];
}

/** Unclaimed work "in my discipline" includes tasks for anyone; without a known discipline, all of it. */
function unclaimedWhere(teamId: string, discipline: Discipline | null): Prisma.TaskWhereInput {
  const fits: Prisma.TaskWhereInput =
    discipline && discipline !== 'joint'
      ? { OR: [{ discipline }, { discipline: null }, { discipline: 'joint' }] }
      : {};
  return { teamId, assigneeId: null, status: 'open', ...fits };
}

/** The channels the unclaimed work a person could be offered is in, each once. */
export async function unclaimedChannels(
  deps: Deps,
  teamId: string,
  discipline: Discipline | null,
): Promise<WorkChannels> {
  return channelsOf([await tallyTasks(deps, unclaimedWhere(teamId, discipline))]);
}

// Ascending due dates put overdue work first.
const BY_DUE: Prisma.TaskOrderByWithRelationInput[] = [
  { dueDate: { sort: 'asc', nulls: 'last' } },
  { number: 'asc' },
];

/**
 * What one person's App Home lists: the open initiatives and tasks they own, and unclaimed
 * tasks that fit their discipline among those `unclaimedScope` lets them see (`found`: where
 * those tasks are, as `unclaimedChannels` said).
 */
export async function homeLists(
  deps: Deps,
  teamId: string,
  userId: string,
  discipline: Discipline | null,
  unclaimedScope: ChannelScope,
  found: WorkChannels,
): Promise<HomeLists> {
  const { prisma } = deps.db;
  const [initiatives, tasks, unclaimed] = await Promise.all([
    prisma.initiative.findMany({
      where: { teamId, ownerId: userId, status: { in: ['planned', 'active'] } },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: HOME_LIMITS.initiatives,
    }),
    prisma.task.findMany({
      where: { teamId, assigneeId: userId, status: { not: 'done' } },
      include: { initiative: true },
      orderBy: BY_DUE,
      take: HOME_LIMITS.tasks,
    }),
    prisma.task.findMany({
      where: { AND: [unclaimedWhere(teamId, discipline), tasksIn(unclaimedScope, found.unpostedTasks)] },
      include: { initiative: true },
      orderBy: BY_DUE,
      take: HOME_LIMITS.unclaimed,
    }),
  ]);
  return { initiatives, tasks, unclaimed };
}

/**
 * Whether the workspace has any initiative, and whether Tandem has shown it is in a channel: a
 * task message it posted, a trend logged from a channel or a digest it posted (Slack lets it do
 * none of these outside a channel it was invited to). Each is one indexed row lookup, and is
 * skipped when the App Home's own lists already answer it.
 */
export async function firstRunProgress(
  deps: Deps,
  teamId: string,
  known: { hasInitiative: boolean; inAChannel: boolean },
): Promise<{ hasInitiative: boolean; inAChannel: boolean }> {
  const { prisma } = deps.db;
  const exists = (row: Promise<unknown>) => row.then((r) => r !== null);
  const [hasInitiative, inAChannel] = await Promise.all([
    known.hasInitiative || exists(prisma.initiative.findFirst({ where: { teamId }, select: { id: true } })),
    known.inAChannel ||
      Promise.all([
        exists(
          prisma.task.findFirst({ where: { teamId, messageChannel: { not: null } }, select: { id: true } }),
        ),
        exists(
          prisma.trend.findFirst({ where: { teamId, sourceChannel: { not: null } }, select: { id: true } }),
        ),
        exists(
          prisma.digestRun.findFirst({ where: { teamId, sentAt: { not: null } }, select: { teamId: true } }),
        ),
      ]).then((found) => found.some(Boolean)),
  ]);
  return { hasInitiative, inAChannel };
}
