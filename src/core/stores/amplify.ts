import type { Deps } from '../../deps.js';
import type { Prisma, Task } from '../../generated/prisma/client.js';
import { type ChannelScope, channelsOf, tallyTasks, tasksIn, type WorkChannels } from './channel-scope.js';
import { type TaskDraft, taskRow } from './task-creation.js';
import { type TaskActor, type TaskWithInitiative, WITH_INITIATIVE } from './tasks.js';

/**
 * "Amplify on <network>" tasks: lines on their release's card, not messages of their own. They
 * keep their channel (the card's), so that who may see them is decided as for any task there.
 */
export async function saveAmplifyTasks(
  deps: Deps,
  actor: TaskActor,
  drafts: Array<TaskDraft & { postAt: Date | null }>,
  channel: string,
): Promise<Task[]> {
  const now = deps.clock.now();
  return deps.db.prisma.task.createManyAndReturn({
    data: drafts.map((draft) => ({
      ...taskRow(actor, draft, now, channel, null),
      assigneeId: null,
      postAt: draft.postAt,
    })),
  });
}

/** A release's amplify tasks, one per network at most. */
export function amplifyTasksOf(deps: Deps, teamId: string, releaseId: string): Promise<Task[]> {
  return deps.db.prisma.task.findMany({ where: { teamId, releaseId }, orderBy: { number: 'asc' } });
}

export function amplifyTaskFor(
  deps: Deps,
  teamId: string,
  releaseId: string,
  network: string,
): Promise<TaskWithInitiative | null> {
  return deps.db.prisma.task.findFirst({ where: { teamId, releaseId, network }, include: WITH_INITIATIVE });
}

/** A new posting time: the task falls due that day, so it is nudged like any task. */
export function setPostAt(
  deps: Deps,
  task: Pick<Task, 'id' | 'teamId'>,
  postAt: Date,
  dueDate: Date,
): Promise<Task> {
  return deps.db.prisma.task.update({
    where: { id: task.id, teamId: task.teamId },
    data: { postAt, dueDate },
  });
}

/** Mark posted: closes the line with the live post's link; false when it was already closed. */
export async function markPosted(
  deps: Deps,
  actor: TaskActor,
  task: Pick<Task, 'id' | 'teamId'>,
  url: string,
): Promise<boolean> {
  const { count } = await deps.db.prisma.task.updateMany({
    where: { id: task.id, teamId: task.teamId, status: { not: 'done' } },
    data: {
      status: 'done',
      doneAt: deps.clock.now(),
      doneBy: actor.userId,
      postedUrl: url,
      blockedReason: null,
      blockedBy: null,
      blockedAt: null,
    },
  });
  return count === 1;
}

/** What a week's amplify lines need beside themselves: their release, and each draft's status. */
export interface WeekRows {
  tasks: TaskWithInitiative[];
  releases: Array<{ id: string; number: number; title: string | null; body: string }>;
  /** Newest version's status per `${releaseId}|${network}`. */
  draftStatus: Map<string, string>;
}

/**
 * Amplify lines that matter for the week [from, to): still open and due to go out before it ends
 * (or never scheduled), and those posted within it.
 */
export interface WeekQuery {
  teamId: string;
  where: Prisma.TaskWhereInput;
  found: WorkChannels;
}

/** The week's amplify lines before a reader is known: what they are, and the channels they are in. */
export async function amplifyWeekQuery(deps: Deps, teamId: string, from: Date, to: Date): Promise<WeekQuery> {
  const where: Prisma.TaskWhereInput = {
    teamId,
    releaseId: { not: null },
    OR: [
      { status: { not: 'done' }, OR: [{ postAt: { lt: to } }, { postAt: null }] },
      { status: 'done', doneAt: { gte: from, lt: to } },
    ],
  };
  return { teamId, where, found: channelsOf([await tallyTasks(deps, where)]) };
}

/** The week as one reader may see it: the scope is in the query, so hidden lines crowd out nothing. */
export async function amplifyWeek(deps: Deps, query: WeekQuery, scope: ChannelScope): Promise<WeekRows> {
  const { teamId } = query;
  // Most App Homes are of workspaces with no posts this week: the tally said so, nothing to read.
  if (query.found.channels.length === 0 && !query.found.unpostedTasks)
    return { tasks: [], releases: [], draftStatus: new Map() };
  const tasks = await deps.db.prisma.task.findMany({
    where: { AND: [query.where, tasksIn(scope, query.found.unpostedTasks)] },
    include: WITH_INITIATIVE,
    orderBy: [{ postAt: 'asc' }, { number: 'asc' }],
    take: 200,
  });
  const releaseIds = [...new Set(tasks.flatMap((t) => (t.releaseId ? [t.releaseId] : [])))];
  const [releases, drafts] = await Promise.all([
    deps.db.prisma.pressRelease.findMany({
      where: { teamId, id: { in: releaseIds } },
      select: { id: true, number: true, title: true, body: true },
    }),
    deps.db.prisma.socialDraft.findMany({
      where: { teamId, releaseId: { in: releaseIds } },
      select: { releaseId: true, network: true, status: true },
      orderBy: { version: 'desc' },
    }),
  ]);
  const draftStatus = new Map<string, string>();
  for (const d of drafts) {
    const key = `${d.releaseId}|${d.network}`;
    if (!draftStatus.has(key)) draftStatus.set(key, d.status);
  }
  return { tasks, releases, draftStatus };
}
