// New tasks: numbers reserved first, rows written once their Slack messages exist.
import { randomUUID } from 'node:crypto';
import { calendarDateFromDb, calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { checklistDueDate } from '../../domain/initiatives/checklists.js';
import { parseDueDate } from '../../domain/time/due-date.js';
import { orThrow } from '../../domain/user-error.js';
import type { Discipline, Initiative } from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import {
  type NewTask,
  type PostedMessage,
  type TaskActor,
  type TaskWithInitiative,
  workspaceToday,
} from './tasks.js';

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

/** The row of a drafted task, in the channel its message is in (`ts` null: a line on a card). */
export function taskRow(actor: TaskActor, draft: TaskDraft, now: Date, channel: string, ts: string | null) {
  return {
    id: randomUUID(),
    teamId: actor.teamId,
    number: draft.number,
    initiativeId: draft.initiative.id,
    title: draft.title,
    discipline: draft.discipline,
    assigneeId: draft.assigneeId,
    dueDate: draft.dueDate,
    messageChannel: channel,
    messageTs: ts,
    respondBy: draft.respondBy ?? null,
    trendId: draft.trendId ?? null,
    releaseId: draft.releaseId ?? null,
    network: draft.network ?? null,
    createdBy: actor.userId,
    createdAt: now,
  };
}

/**
 * Records drafted tasks whose messages were posted, with the assignees' history: one INSERT for
 * all the tasks, and a transaction only when there is history to write beside them.
 */
export async function saveTasks(
  deps: Deps,
  actor: TaskActor,
  posted: Array<{ draft: TaskDraft; message: PostedMessage }>,
): Promise<TaskWithInitiative[]> {
  const now = deps.clock.now();
  const rows = posted.map(({ draft, message }) => taskRow(actor, draft, now, message.channel, message.ts));
  const history = rows.flatMap((row) =>
    row.assigneeId
      ? [
          {
            teamId: actor.teamId,
            taskId: row.id,
            toUserId: row.assigneeId,
            actorId: actor.userId,
            change: 'created' as const,
            source: actor.source,
            at: now,
          },
        ]
      : [],
  );
  const created =
    history.length === 0
      ? await deps.db.prisma.task.createManyAndReturn({ data: rows })
      : await deps.db.prisma.$transaction(async (tx) => {
          const tasks = await tx.task.createManyAndReturn({ data: rows });
          await tx.ownershipEvent.createMany({ data: history });
          return tasks;
        });
  const byId = new Map(created.map((task) => [task.id, task]));
  return posted.map(({ draft }, i) => {
    const task = byId.get(rows[i]?.id ?? '');
    if (!task) throw new Error(`task ${draft.number} was not saved`);
    return { ...task, initiative: draft.initiative };
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
