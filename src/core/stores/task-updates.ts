// Changes to an existing task. Each is one conditional UPDATE (and its history row, in the same
// transaction), so of two people changing the same task at once exactly one wins.
import { prepared } from '../../db/prepared.js';
import type { Deps } from '../../deps.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { UserError } from '../../domain/user-error.js';
import type { Discipline, Prisma as PrismaTypes } from '../../generated/prisma/client.js';
import { recordOwnershipChange } from './ownership.js';
import { findTaskByMessage, type TaskActor, type TaskWithInitiative, WITH_INITIATIVE } from './tasks.js';

type Tx = PrismaTypes.TransactionClient;

async function reload(tx: Tx, id: string): Promise<TaskWithInitiative> {
  return tx.task.findUniqueOrThrow({ where: { id }, include: WITH_INITIATIVE });
}

export type ClaimOutcome =
  | {
      kind: 'claimed';
      task: TaskWithInitiative;
      openTasks: number;
      /** The discipline the claimant told Tandem, read in the same statement, for the claim's hint. */
      claimantDiscipline: Discipline | null;
    }
  | { kind: 'already-yours'; task: TaskWithInitiative }
  | { kind: 'taken'; task: TaskWithInitiative }
  | { kind: 'done'; task: TaskWithInitiative };

interface ClaimRow extends Record<string, unknown> {
  claimed: number;
  assigneeId: string | null;
  status: string;
  openTasks: number;
  claimantDiscipline: Discipline | null;
}

const CLAIM = prepared(
  'claim_task',
  `WITH claimed AS (
     UPDATE "Task" SET "assigneeId" = $3, "updatedAt" = $4
     WHERE "id" = $1 AND "teamId" = $2 AND "assigneeId" IS NULL AND "status" <> 'done'
     RETURNING "id"
   ), history AS (
     INSERT INTO "OwnershipEvent" ("teamId", "taskId", "toUserId", "actorId", "change", "source", "at")
     SELECT $2, "id", $3, $3, 'claimed', CAST($5 AS "ChangeSource"), $4
     FROM claimed
   )
   SELECT (SELECT count(*) FROM claimed)::int AS "claimed",
          t."assigneeId", t."status"::text AS "status",
          (SELECT count(*) FROM "Task" o WHERE o."teamId" = $2
             AND o."assigneeId" = $3 AND o."status" <> 'done')::int AS "openTasks",
          (SELECT m."discipline"::text FROM "Member" m WHERE m."teamId" = $2
             AND m."userId" = $3) AS "claimantDiscipline"
   FROM "Task" t WHERE t."id" = $1 AND t."teamId" = $2`,
);

/**
 * First claim wins, atomically: the conditional UPDATE matches only while the task is unowned,
 * so of many simultaneous claims exactly one changes the row and records history. Update,
 * history, the claimant's open-task count and their discipline are one statement, since a burst of reactions is
 * where round trips cost most. `task` is the row as the caller read it.
 */
export async function claimTask(
  deps: Deps,
  actor: TaskActor,
  task: TaskWithInitiative,
): Promise<ClaimOutcome> {
  const now = deps.clock.now();
  const [row] = await deps.db.run<ClaimRow>(CLAIM, [task.id, actor.teamId, actor.userId, now, actor.source]);
  if (!row) throw new UserError('That task no longer exists.');
  // The statement's own snapshot predates its UPDATE: the claimed task is not yet counted.
  if (row.claimed === 1) {
    const claimedTask = { ...task, assigneeId: actor.userId, updatedAt: now };
    return {
      kind: 'claimed',
      task: claimedTask,
      openTasks: row.openTasks + 1,
      claimantDiscipline: row.claimantDiscipline,
    };
  }
  // Lost to a claim that committed after this statement's snapshot was taken: read it afresh.
  const current =
    row.assigneeId === null && row.status !== 'done'
      ? await deps.db.prisma.task.findFirstOrThrow({
          where: { id: task.id, teamId: actor.teamId },
          include: WITH_INITIATIVE,
        })
      : { ...task, assigneeId: row.assigneeId, status: row.status as TaskWithInitiative['status'] };
  if (current.status === 'done') return { kind: 'done', task: current };
  if (current.assigneeId === actor.userId) return { kind: 'already-yours', task: current };
  return { kind: 'taken', task: current };
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
