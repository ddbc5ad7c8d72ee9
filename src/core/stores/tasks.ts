import { calendarDateFromDb, calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/calendar-date.js';
import { checklistDueDate } from '../../domain/checklists.js';
import { parseDueDate } from '../../domain/due-date.js';
import type { TaskListFilter } from '../../domain/task-command.js';
import { formatTaskRef } from '../../domain/task-ref.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type {
  ChangeSource,
  Discipline,
  Initiative,
  Prisma as PrismaTypes,
  Task,
} from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import { findInitiative } from './initiatives.js';
import { recordOwnershipChange } from './ownership.js';

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

type Tx = PrismaTypes.TransactionClient;

const WITH_INITIATIVE = { initiative: true } as const;

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

async function reload(tx: Tx, id: string): Promise<TaskWithInitiative> {
  return tx.task.findUniqueOrThrow({ where: { id }, include: WITH_INITIATIVE });
}

/** A task about to be created: its number is reserved, its message not yet posted. */
export interface TaskDraft {
  number: number;
  title: string;
  discipline: Exclude<Discipline, 'joint'> | null;
  assigneeId: string | null;
  dueDate: Date | null;
  status: 'open';
  blockedReason: null;
  initiative: Initiative;
  /** Trend responses: unclaimed at this instant, the task escalates to both leads. */
  respondBy?: Date;
  trendId?: string;
  /** "Amplify on <network>" tasks: the press release and network they amplify. */
  releaseId?: string;
  network?: string;
}

/**
 * Reserves task numbers in a short transaction of their own, so that posting the task messages
 * to Slack happens outside any transaction (an open transaction holds one of a few pooled
 * connections, and Slack may take seconds). A message Slack refuses costs a skipped number, never a
 * half-written task.
 */
export async function draftTasks(
  deps: Deps,
  teamId: string,
  initiative: Initiative,
  items: Array<
    Pick<
      TaskDraft,
      'title' | 'discipline' | 'assigneeId' | 'dueDate' | 'respondBy' | 'trendId' | 'releaseId' | 'network'
    >
  >,
): Promise<TaskDraft[]> {
  const { nextTaskNumber } = await deps.db.prisma.workspace.update({
    where: { teamId },
    data: { nextTaskNumber: { increment: items.length } },
    select: { nextTaskNumber: true },
  });
  const first = nextTaskNumber - items.length;
  return items.map((item, i) => ({
    ...item,
    number: first + i,
    status: 'open',
    blockedReason: null,
    initiative,
  }));
}

/** Records drafted tasks whose messages were posted, with the assignees' history, in one transaction. */
export async function saveTasks(
  deps: Deps,
  actor: TaskActor,
  posted: Array<{ draft: TaskDraft; message: PostedMessage }>,
): Promise<TaskWithInitiative[]> {
  return deps.db.prisma.$transaction(async (tx) => {
    const saved: TaskWithInitiative[] = [];
    for (const { draft, message } of posted) {
      const task = await tx.task.create({
        data: {
          teamId: actor.teamId,
          number: draft.number,
          initiativeId: draft.initiative.id,
          title: draft.title,
          discipline: draft.discipline,
          assigneeId: draft.assigneeId,
          dueDate: draft.dueDate,
          messageChannel: message.channel,
          messageTs: message.ts,
          respondBy: draft.respondBy ?? null,
          trendId: draft.trendId ?? null,
          releaseId: draft.releaseId ?? null,
          network: draft.network ?? null,
          createdBy: actor.userId,
        },
        include: WITH_INITIATIVE,
      });
      if (draft.assigneeId) {
        await recordOwnershipChange(tx, deps.clock, {
          teamId: actor.teamId,
          taskId: task.id,
          toUserId: draft.assigneeId,
          actorId: actor.userId,
          change: 'created',
          source: actor.source,
        });
      }
      saved.push(task);
    }
    return saved;
  });
}

/** Validates `/task add` and reserves its number; nothing else is written until the message is posted. */
export async function draftTask(
  deps: Deps,
  actor: TaskActor,
  input: Omit<NewTask, 'initiative'>,
  workspace: WorkspaceSettings,
  initiative: Initiative,
): Promise<TaskDraft> {
  const dueDate =
    input.due === undefined
      ? null
      : calendarDateToDb(
          orThrow(parseDueDate(input.due, { now: deps.clock.now(), timezone: workspace.timezone })),
        );
  const [draft] = await draftTasks(deps, actor.teamId, initiative, [
    {
      title: input.title,
      discipline: input.discipline ?? null,
      assigneeId: input.assigneeId ?? null,
      dueDate,
    },
  ]);
  if (!draft) throw new Error('no task drafted');
  return draft;
}

export type ClaimOutcome =
  | { kind: 'claimed'; task: TaskWithInitiative; openTasks: number }
  | { kind: 'already-yours'; task: TaskWithInitiative }
  | { kind: 'taken'; task: TaskWithInitiative }
  | { kind: 'done'; task: TaskWithInitiative };

/**
 * First claim wins, atomically: the conditional UPDATE matches only while the task is unowned,
 * so of many simultaneous claims exactly one changes the row and records history.
 */
export async function claimTask(deps: Deps, actor: TaskActor, taskId: string): Promise<ClaimOutcome> {
  return deps.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: taskId, teamId: actor.teamId, assigneeId: null, status: { not: 'done' } },
      data: { assigneeId: actor.userId },
    });
    const task = await reload(tx, taskId);
    if (count === 1) {
      await recordOwnershipChange(tx, deps.clock, {
        teamId: actor.teamId,
        taskId,
        toUserId: actor.userId,
        actorId: actor.userId,
        change: 'claimed',
        source: actor.source,
      });
      const openTasks = await tx.task.count({
        where: { teamId: actor.teamId, assigneeId: actor.userId, status: { not: 'done' } },
      });
      return { kind: 'claimed', task, openTasks };
    }
    if (task.status === 'done') return { kind: 'done', task };
    if (task.assigneeId === actor.userId) return { kind: 'already-yours', task };
    return { kind: 'taken', task };
  });
}

/** Releases a task from `fromUserId`, if they still hold it; otherwise changes nothing and returns null. */
export async function releaseTask(
  deps: Deps,
  actor: TaskActor,
  taskId: string,
  fromUserId: string,
): Promise<TaskWithInitiative | null> {
  return deps.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: taskId, teamId: actor.teamId, assigneeId: fromUserId, status: { not: 'done' } },
      data: { assigneeId: null },
    });
    if (count !== 1) return null;
    await recordOwnershipChange(tx, deps.clock, {
      teamId: actor.teamId,
      taskId,
      fromUserId,
      actorId: actor.userId,
      change: 'released',
      source: actor.source,
    });
    return reload(tx, taskId);
  });
}

export async function completeTask(
  deps: Deps,
  actor: TaskActor,
  taskId: string,
): Promise<TaskWithInitiative> {
  const task = await deps.db.prisma.task.findFirst({
    where: { id: taskId, teamId: actor.teamId },
    include: WITH_INITIATIVE,
  });
  if (!task) throw new UserError('That task no longer exists.');
  if (task.status === 'done') return task;
  return deps.db.prisma.task.update({
    where: { id: task.id },
    data: {
      status: 'done',
      doneAt: deps.clock.now(),
      doneBy: actor.userId,
      blockedReason: null,
      blockedBy: null,
      blockedAt: null,
    },
    include: WITH_INITIATIVE,
  });
}

/** Assign or handoff (the permission policy has said who may): one owner change plus its history row. */
export async function reassignTask(
  deps: Deps,
  actor: TaskActor,
  taskId: string,
  toUserId: string,
  change: 'assigned' | 'handoff',
): Promise<{ task: TaskWithInitiative; previousOwnerId: string | null }> {
  return deps.db.prisma.$transaction(async (tx) => {
    const current = await tx.task.findFirst({ where: { id: taskId, teamId: actor.teamId } });
    if (!current) throw new UserError('That task no longer exists.');
    const ref = formatTaskRef(current.number);
    if (current.assigneeId === toUserId)
      throw new UserError(
        `<@${toUserId}> already owns ${ref}.`,
        '/task assign <task-id> @person',
        `/task assign ${ref} @someone-else`,
      );
    const { count } = await tx.task.updateMany({
      where: { id: current.id, assigneeId: current.assigneeId },
      data: { assigneeId: toUserId },
    });
    if (count !== 1) throw new UserError(`${ref} changed hands just now; please try again.`);
    await recordOwnershipChange(tx, deps.clock, {
      teamId: actor.teamId,
      taskId,
      fromUserId: current.assigneeId,
      toUserId,
      actorId: actor.userId,
      change,
      source: actor.source,
    });
    return { task: await reload(tx, taskId), previousOwnerId: current.assigneeId };
  });
}

export async function blockTask(
  deps: Deps,
  actor: TaskActor,
  taskId: string,
  reason: string | null,
): Promise<TaskWithInitiative> {
  const { count } = await deps.db.prisma.task.updateMany({
    where: { id: taskId, teamId: actor.teamId, status: { not: 'done' } },
    data: { status: 'blocked', blockedBy: actor.userId, blockedAt: deps.clock.now(), blockedReason: reason },
  });
  if (count !== 1) throw new UserError('That task is done or no longer exists.');
  return deps.db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: WITH_INITIATIVE });
}

/** The reason asked for in the task's thread; only the person who blocked it answers for it. */
export async function recordBlockedReason(
  deps: Deps,
  teamId: string,
  channel: string,
  threadTs: string,
  userId: string,
  reason: string,
): Promise<TaskWithInitiative | null> {
  const { count } = await deps.db.prisma.task.updateMany({
    where: {
      teamId,
      messageChannel: channel,
      messageTs: threadTs,
      status: 'blocked',
      blockedBy: userId,
      blockedReason: null,
    },
    data: { blockedReason: reason.slice(0, 500) },
  });
  return count === 1 ? findTaskByMessage(deps, teamId, channel, threadTs) : null;
}

export async function unblockTask(
  deps: Deps,
  actor: TaskActor,
  taskId: string,
): Promise<TaskWithInitiative | null> {
  const { count } = await deps.db.prisma.task.updateMany({
    where: { id: taskId, teamId: actor.teamId, status: 'blocked' },
    data: { status: 'open', blockedBy: null, blockedAt: null, blockedReason: null },
  });
  return count === 1
    ? deps.db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: WITH_INITIATIVE })
    : null;
}

export const SNOOZE_MS = 24 * 60 * 60 * 1000;

export async function snoozeTask(deps: Deps, actor: TaskActor, taskId: string): Promise<TaskWithInitiative> {
  const until = new Date(deps.clock.now().getTime() + SNOOZE_MS);
  const { count } = await deps.db.prisma.task.updateMany({
    where: { id: taskId, teamId: actor.teamId, status: { not: 'done' } },
    data: { snoozedUntil: until },
  });
  if (count !== 1) throw new UserError('That task is done or no longer exists.');
  return deps.db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: WITH_INITIATIVE });
}

export const TASK_LIST_LIMIT = 50;

export async function listTasks(
  deps: Deps,
  actor: TaskActor,
  filter: TaskListFilter,
): Promise<{ tasks: TaskWithInitiative[]; total: number }> {
  const initiative =
    filter.by === 'initiative' ? await findInitiative(deps, actor.teamId, filter.initiative) : null;
  const where = {
    teamId: actor.teamId,
    ...(filter.by === 'all' ? {} : { status: { not: 'done' as const } }),
    ...(filter.by === 'mine' ? { assigneeId: actor.userId } : {}),
    ...(filter.by === 'user' ? { assigneeId: filter.userId } : {}),
    ...(filter.by === 'unclaimed' ? { assigneeId: null } : {}),
    ...(initiative ? { initiativeId: initiative.id } : {}),
  };
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

/** The workspace's checklist for the initiative's kind, as drafts with reserved numbers. */
export async function draftChecklist(
  deps: Deps,
  workspace: WorkspaceSettings,
  initiative: Initiative,
): Promise<TaskDraft[]> {
  const items = workspace.checklists[initiative.kind];
  if (items.length === 0) return [];
  const today = workspaceToday(deps, workspace);
  const due = initiative.dueDate ? calendarDateFromDb(initiative.dueDate) : null;
  return draftTasks(
    deps,
    workspace.teamId,
    initiative,
    items.map((item) => {
      const date = checklistDueDate(due, item, today);
      return {
        title: item.title,
        discipline: item.discipline,
        assigneeId: null,
        dueDate: date ? calendarDateToDb(date) : null,
      };
    }),
  );
}
