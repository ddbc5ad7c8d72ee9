import type { Clock } from '../../clock.js';
import type { Deps } from '../../deps.js';
import type { Initiative, OwnershipEvent, Prisma, Task } from '../../generated/prisma/client.js';

/**
 * Appends one ownership change. The time comes from Tandem's clock, not the database's, so the
 * history, the digest's "since yesterday" and tests that move the clock all agree.
 */
export function recordOwnershipChange(
  tx: Prisma.TransactionClient,
  clock: Clock,
  data: Omit<Prisma.OwnershipEventUncheckedCreateInput, 'at' | 'id'>,
) {
  return tx.ownershipEvent.create({ data: { ...data, at: clock.now() } });
}

/** A task's whole history (owners, status, due dates), oldest first. */
export function taskHistory(deps: Deps, task: Pick<Task, 'teamId' | 'id'>): Promise<OwnershipEvent[]> {
  return deps.db.prisma.ownershipEvent.findMany({
    where: { teamId: task.teamId, taskId: task.id },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

/** An initiative's whole history (owners, status, due dates), oldest first. */
export function initiativeHistory(deps: Deps, initiative: Initiative): Promise<OwnershipEvent[]> {
  return deps.db.prisma.ownershipEvent.findMany({
    where: { teamId: initiative.teamId, initiativeId: initiative.id },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}
