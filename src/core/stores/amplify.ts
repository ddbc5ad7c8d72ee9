import { randomUUID } from 'node:crypto';
import type { Deps } from '../../deps.js';
import type { Task } from '../../generated/prisma/client.js';
import type { TaskDraft } from './task-creation.js';
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
      id: randomUUID(),
      teamId: actor.teamId,
      number: draft.number,
      initiativeId: draft.initiative.id,
      title: draft.title,
      discipline: draft.discipline,
      assigneeId: null,
      dueDate: draft.dueDate,
      postAt: draft.postAt,
      messageChannel: channel,
      messageTs: null,
      releaseId: draft.releaseId ?? null,
      network: draft.network ?? null,
      createdBy: actor.userId,
      createdAt: now,
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
