import { prepared } from '../../db/prepared.js';
import type { Deps } from '../../deps.js';
import type { TaskListFilter } from '../../domain/tasks/task-command.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { UserError } from '../../domain/user-error.js';
import {
  type ChangeSource,
  type Discipline,
  type Initiative,
  Prisma,
  type Task,
} from '../../generated/prisma/client.js';
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

/** A task by its id, only within the given workspace; prepared, as each re-render of its message reads it. */
export async function findTaskById(
  deps: Deps,
  teamId: string,
  id: string,
): Promise<TaskWithInitiative | null> {
  return taskFromRow((await deps.db.run(TASK_BY_ID, [teamId, id]))[0]);
}

/** The task behind a Slack message, or null for any message Tandem did not post as a task. */
// Every column of both models, from the generated client, so a new column is read without a change here.
const TASK_SHAPE: Readonly<Record<string, string>> = Prisma.TaskScalarFieldEnum;
const INITIATIVE_COLUMNS = Object.values(Prisma.InitiativeScalarFieldEnum);

/** A task's columns and its initiative's (as `i.<column>`), from `Task t` joined to `Initiative i`. */
export const TASK_WITH_INITIATIVE_COLUMNS = `t.*, ${INITIATIVE_COLUMNS.map((c) => `i."${c}" AS "i.${c}"`).join(', ')}`;

/** The task of a row read with TASK_WITH_INITIATIVE_COLUMNS, or null when the join found none. */
export function taskFromRow(row: Record<string, unknown> | undefined): TaskWithInitiative | null {
  if (!row || row.id === null || row.id === undefined) return null;
  const task: Record<string, unknown> = {};
  const initiative: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith('i.')) initiative[column.slice(2)] = value;
    else if (column in TASK_SHAPE) task[column] = value;
  }
  return { ...(task as Task), initiative: initiative as Initiative };
}

const TASK_BY_ID = prepared(
  'task_by_id',
  `SELECT ${TASK_WITH_INITIATIVE_COLUMNS}
   FROM "Task" t JOIN "Initiative" i ON i."id" = t."initiativeId" AND i."teamId" = t."teamId"
   WHERE t."teamId" = $1 AND t."id" = $2`,
);

const TASK_BY_MESSAGE = prepared(
  'task_by_message',
  `SELECT ${TASK_WITH_INITIATIVE_COLUMNS}
   FROM "Task" t JOIN "Initiative" i ON i."id" = t."initiativeId" AND i."teamId" = t."teamId"
   WHERE t."teamId" = $1 AND t."messageChannel" = $2 AND t."messageTs" = $3`,
);

/**
 * The task behind a message, with its initiative. Prepared and straight to the driver: every
 * reaction on a task message asks it (hundreds a second in a claim race), and Prisma's query
 * compiler and its mapping of the joined rows cost more of Tandem's CPU than the lookup itself.
 */
export async function findTaskByMessage(
  deps: Deps,
  teamId: string,
  channel: string,
  ts: string,
): Promise<TaskWithInitiative | null> {
  const rows = await deps.db.run(TASK_BY_MESSAGE, [teamId, channel, ts]);
  return taskFromRow(rows[0]);
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
