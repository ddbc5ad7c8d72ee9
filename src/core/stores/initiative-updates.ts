// Changes to an existing initiative: owner, status and due date, each with its history row in the
// same transaction.
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { INITIATIVE_USAGE } from '../../domain/initiatives/initiative-usage.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, InitiativeStatus, OwnershipChange } from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import { type Actor, notFound, resolveDue } from './initiatives.js';
import { recordOwnershipChange } from './ownership.js';

/** Assign and handoff: one owner change plus its history row, in one transaction. */
export async function changeOwner(
  deps: Deps,
  actor: Actor,
  number: number,
  toUserId: string,
  change: Extract<OwnershipChange, 'assigned' | 'handoff'>,
  reason?: string,
): Promise<{ initiative: Initiative; previousOwnerId: string | null }> {
  return deps.db.prisma.$transaction(async (tx) => {
    const current = await tx.initiative.findUnique({
      where: { teamId_number: { teamId: actor.teamId, number } },
    });
    if (!current) throw notFound(number);
    if (current.ownerId === toUserId) {
      throw new UserError(
        `<@${toUserId}> already owns #${number}.`,
        '/initiative assign <id> @person',
        `/initiative assign ${number} @someone-else`,
      );
    }
    if (change === 'handoff' && current.ownerId === null) {
      throw new UserError(
        `#${number} has no owner to hand it off; assign it instead.`,
        '/initiative assign <id> @person',
        `/initiative assign ${number} <@${toUserId}>`,
      );
    }
    // Conditional on the owner we read, so two concurrent changes cannot both record history.
    const { count } = await tx.initiative.updateMany({
      where: { id: current.id, teamId: actor.teamId, ownerId: current.ownerId },
      data: { ownerId: toUserId },
    });
    if (count !== 1) throw new UserError(`#${number} changed hands just now; please try again.`);
    await recordOwnershipChange(tx, deps.clock, {
      teamId: actor.teamId,
      initiativeId: current.id,
      fromUserId: current.ownerId,
      toUserId,
      actorId: actor.userId,
      change,
      source: actor.source,
      reason: reason ?? null,
    });
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: current.id } });
    return { initiative, previousOwnerId: current.ownerId };
  });
}

const dayOf = (date: Date | null): string => (date ? calendarDateFromDb(date) : '');

/**
 * Status and due-date changes are history too: the row changes only if it still holds the value
 * read (so two people changing it at once cannot both record a change), and the change is
 * appended, with who and from→to, in the same transaction.
 */
async function changeField(
  deps: Deps,
  actor: Actor,
  current: Initiative,
  field: 'status' | 'due',
  data: { status: InitiativeStatus } | { dueDate: Date | null },
  from: string,
  to: string,
): Promise<Initiative> {
  const number = current.number;
  return deps.db.prisma.$transaction(async (tx) => {
    const unchanged = field === 'status' ? { status: current.status } : { dueDate: current.dueDate };
    const { count } = await tx.initiative.updateMany({
      where: { id: current.id, teamId: actor.teamId, ...unchanged },
      data,
    });
    if (count !== 1) throw new UserError(`#${number} changed just now; please try again.`);
    await recordOwnershipChange(tx, deps.clock, {
      teamId: actor.teamId,
      initiativeId: current.id,
      actorId: actor.userId,
      change: field,
      source: actor.source,
      fromValue: from,
      toValue: to,
    });
    return tx.initiative.findUniqueOrThrow({ where: { id: current.id } });
  });
}

export async function setStatus(
  deps: Deps,
  actor: Actor,
  current: Initiative,
  status: InitiativeStatus,
): Promise<Initiative> {
  if (current.status === status) {
    throw new UserError(
      `#${current.number} is already ${status}.`,
      '/initiative status <id> planned|active|done|cancelled',
      `/initiative status ${current.number} done`,
    );
  }
  return changeField(deps, actor, current, 'status', { status }, current.status, status);
}

/** `due` as typed (resolved in the workspace's zone), or null to clear it. */
export async function setDue(
  deps: Deps,
  actor: Actor,
  current: Initiative,
  due: string | null,
  workspace: WorkspaceSettings,
): Promise<Initiative> {
  const dueDate = due === null ? null : resolveDue(due, workspace, deps);
  if (dayOf(dueDate) === dayOf(current.dueDate)) {
    const now = dueDate ? `already due ${dayOf(dueDate)}` : 'already without a due date';
    throw new UserError(
      `#${current.number} is ${now}.`,
      INITIATIVE_USAGE.due.usage,
      INITIATIVE_USAGE.due.example,
    );
  }
  return changeField(deps, actor, current, 'due', { dueDate }, dayOf(current.dueDate), dayOf(dueDate));
}
