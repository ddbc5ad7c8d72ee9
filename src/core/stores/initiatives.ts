import { calendarDateFromDb, calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/calendar-date.js';
import { parseDueDate } from '../../domain/due-date.js';
import type { InitiativeListFilter } from '../../domain/initiative-command.js';
import { INITIATIVE_USAGE } from '../../domain/initiative-usage.js';
import { type InitiativeKind, suggestOwner } from '../../domain/kinds.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type {
  ChangeSource,
  Initiative,
  InitiativeStatus,
  OwnershipChange,
} from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import { recordOwnershipChange } from './ownership.js';

export interface Actor {
  teamId: string;
  userId: string;
  source: ChangeSource;
}

export interface NewInitiative {
  title: string;
  kind?: InitiativeKind | undefined;
  ownerId?: string | undefined;
  /** Date words as typed; resolved in the workspace's time zone. */
  due?: string | undefined;
  channelId?: string | undefined;
}

export interface AddResult {
  initiative: Initiative;
  workspace: WorkspaceSettings;
  /** Set when Tandem chose the owner (or found nobody to choose), with the reason to show. */
  suggestion?: { userId: string | null; reason: string };
}

export function notFound(number: number): UserError {
  return new UserError(
    `There is no initiative #${number} in this workspace.`,
    '/initiative list',
    '/initiative list all',
  );
}

export async function findInitiative(deps: Deps, teamId: string, number: number): Promise<Initiative> {
  const initiative = await deps.db.prisma.initiative.findUnique({
    where: { teamId_number: { teamId, number } },
  });
  if (!initiative) throw notFound(number);
  return initiative;
}

/** An initiative by its id, only within the given workspace. */
export function findInitiativeById(deps: Deps, teamId: string, id: string): Promise<Initiative | null> {
  return deps.db.prisma.initiative.findFirst({ where: { id, teamId } });
}

/** Planned and active initiatives, newest first, at most 100 (what a Slack select holds). */
export function openInitiatives(deps: Deps, teamId: string): Promise<Initiative[]> {
  return deps.db.prisma.initiative.findMany({
    where: { teamId, status: { in: ['planned', 'active'] } },
    orderBy: { number: 'desc' },
    take: 100,
  });
}

function resolveDue(text: string, workspace: WorkspaceSettings, deps: Deps): Date {
  return calendarDateToDb(
    orThrow(parseDueDate(text, { now: deps.clock.now(), timezone: workspace.timezone })),
  );
}

export async function addInitiative(
  deps: Deps,
  actor: Actor,
  input: NewInitiative,
  workspace: WorkspaceSettings,
): Promise<AddResult> {
  const kind = input.kind ?? 'other';
  const dueDate = input.due === undefined ? null : resolveDue(input.due, workspace, deps);
  const lead = workspace.matrix[kind].lead;
  const suggestion =
    input.ownerId === undefined
      ? suggestOwner(kind, workspace.matrix, { pr: workspace.prLeads, social: workspace.socialLeads })
      : undefined;
  const ownerId = input.ownerId ?? suggestion?.userId ?? null;

  const initiative = await deps.db.prisma.$transaction(async (tx) => {
    // The row lock on the workspace serialises concurrent adds, so numbers never collide.
    const { nextInitiativeNumber } = await tx.workspace.update({
      where: { teamId: actor.teamId },
      data: { nextInitiativeNumber: { increment: 1 } },
      select: { nextInitiativeNumber: true },
    });
    const created = await tx.initiative.create({
      data: {
        teamId: actor.teamId,
        number: nextInitiativeNumber - 1,
        title: input.title,
        kind,
        leadDiscipline: lead,
        ownerId,
        dueDate,
        channelId: input.channelId ?? null,
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      },
    });
    if (ownerId) {
      await recordOwnershipChange(tx, deps.clock, {
        teamId: actor.teamId,
        initiativeId: created.id,
        toUserId: ownerId,
        actorId: actor.userId,
        change: suggestion ? 'suggested' : 'created',
        source: actor.source,
      });
    }
    return created;
  });
  return {
    initiative,
    workspace,
    ...(suggestion ? { suggestion: { userId: suggestion.userId, reason: suggestion.reason } } : {}),
  };
}

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

const OPEN: InitiativeStatus[] = ['planned', 'active'];
export const LIST_LIMIT = 50;

export async function listInitiatives(
  deps: Deps,
  actor: Actor,
  filter: InitiativeListFilter,
  workspace: WorkspaceSettings,
): Promise<{ initiatives: Initiative[]; total: number }> {
  const today = calendarDateToDb(
    todayIn({ now: deps.clock.now(), timezone: workspace.timezone }) ?? '1970-01-01',
  );
  const where = {
    teamId: actor.teamId,
    ...(filter.by === 'all' ? {} : { status: { in: OPEN } }),
    ...(filter.by === 'mine' ? { ownerId: actor.userId } : {}),
    ...(filter.by === 'user' ? { ownerId: filter.userId } : {}),
    ...(filter.by === 'kind' ? { kind: filter.kind } : {}),
    ...(filter.by === 'overdue' ? { dueDate: { lt: today } } : {}),
  };
  const [initiatives, total] = await Promise.all([
    deps.db.prisma.initiative.findMany({
      where,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: LIST_LIMIT,
    }),
    deps.db.prisma.initiative.count({ where }),
  ]);
  return { initiatives, total };
}

/** Initiatives whose title contains every word, newest first. */
export function initiativesTitled(deps: Deps, teamId: string, words: string[], take: number) {
  return deps.db.prisma.initiative.findMany({
    where: {
      teamId,
      AND: words.map((word) => ({ title: { contains: word, mode: 'insensitive' as const } })),
    },
    orderBy: [{ number: 'desc' }],
    take,
  });
}

/** Every planned or active initiative, oldest first: what a new trend is matched against. */
export function activeInitiatives(deps: Deps, teamId: string): Promise<Initiative[]> {
  return deps.db.prisma.initiative.findMany({
    where: { teamId, status: { in: ['planned', 'active'] } },
    orderBy: { number: 'asc' },
  });
}
