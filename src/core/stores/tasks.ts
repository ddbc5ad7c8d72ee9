import type { Deps } from '../../deps.js';
import type { TaskListFilter } from '../../domain/tasks/task-command.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { UserError } from '../../domain/user-error.js';
import type { ChangeSource, Discipline, Initiative, Prisma, Task } from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import { type ChannelScope, channelsOf, tallyTasks, tasksIn, type WorkChannels } from './channel-scope.js';
import { findInitiative } from './initiatives.js';

export interface TaskActor {
  teamId: string;
  userId: string;
  source: ChangeSource;
}

export type TaskWithInitiative = Task & { initiative: Initiative };

export interface NewTask {
  initiative: number;
  title: string;
  discipline?: Exclude<Discipline, 'joint'> | undefined;
  due?: string | undefined;
  assigneeId?: string | undefined;
}

/** Where a task's message went: the message people react to. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

export const WITH_INITIATIVE = { initiative: true } as const;

export function taskNotFound(number: number): UserError {
  return new UserError(
    `There is no task ${formatTaskRef(number)} in this workspace.`,
    '/task list',
    '/task list unclaimed',
  );
}

export async function findTask(deps: Deps, teamId: string, number: number): Promise<TaskWithInitiative> {
  const task = await deps.db.prisma.task.findUnique({
    where: { teamId_number: { teamId, number } },
    include: WITH_INITIATIVE,
  });
  if (!task) throw taskNotFound(number);
  return task;
}

/** A task by its id, only within the given workspace. */
export function findTaskById(deps: Deps, teamId: string, id: string): Promise<TaskWithInitiative | null> {
  return deps.db.prisma.task.findFirst({ where: { id, teamId }, include: WITH_INITIATIVE });
}

/** The task behind a Slack message, or null for any message Tandem did not post as a task. */
export function findTaskByMessage(
  deps: Deps,
  teamId: string,
  channel: string,
  ts: string,
): Promise<TaskWithInitiative | null> {
  return deps.db.prisma.task.findUnique({
    where: { teamId_messageChannel_messageTs: { teamId, messageChannel: channel, messageTs: ts } },
    include: WITH_INITIATIVE,
  });
}

export const TASK_LIST_LIMIT = 50;

/** A `/task list` before its reader is known: what it matches, and the channels that work is in. */
export interface TaskListQuery {
  where: Prisma.TaskWhereInput;
  found: WorkChannels;
}

export async function taskListQuery(
  deps: Deps,
  actor: TaskActor,
  filter: TaskListFilter,
): Promise<TaskListQuery> {
  const initiative =
    filter.by === 'initiative' ? await findInitiative(deps, actor.teamId, filter.initiative) : null;
  const where: Prisma.TaskWhereInput = {
    teamId: actor.teamId,
    ...(filter.by === 'all' ? {} : { status: { not: 'done' as const } }),
    ...(filter.by === 'mine' ? { assigneeId: actor.userId } : {}),
    ...(filter.by === 'user' ? { assigneeId: filter.userId } : {}),
    ...(filter.by === 'unclaimed' ? { assigneeId: null } : {}),
    ...(initiative ? { initiativeId: initiative.id } : {}),
  };
  return { where, found: channelsOf([await tallyTasks(deps, where)]) };
}

/**
 * The page and total of a list as its reader may see them: the scope is in the query, so private
 * work they may not see neither crowds out the page nor counts.
 */
export async function listTasks(
  deps: Deps,
  query: TaskListQuery,
  scope: ChannelScope,
): Promise<{ tasks: TaskWithInitiative[]; total: number }> {
  const where = { AND: [query.where, tasksIn(scope, query.found.unpostedTasks)] };
  const [tasks, total] = await Promise.all([
    deps.db.prisma.task.findMany({
      where,
      include: WITH_INITIATIVE,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: TASK_LIST_LIMIT,
    }),
    deps.db.prisma.task.count({ where }),
  ]);
  return { tasks, total };
}

/** Calendar day in the workspace, for "overdue" and "due today" in views. */
export function workspaceToday(deps: Deps, workspace: WorkspaceSettings): string {
  return todayIn({ now: deps.clock.now(), timezone: workspace.timezone }) ?? '1970-01-01';
}
