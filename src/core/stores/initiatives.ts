import { randomUUID } from 'node:crypto';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import type { InitiativeListFilter } from '../../domain/initiatives/initiative-command.js';
import { type InitiativeKind, suggestOwner } from '../../domain/initiatives/kinds.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { parseDueDate } from '../../domain/time/due-date.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type {
  ChangeSource,
  Initiative,
  InitiativeStatus,
  OwnershipChange,
  Prisma,
} from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import {
  type ChannelScope,
  channelsOf,
  initiativesIn,
  tallyInitiatives,
  type WorkChannels,
} from './channel-scope.js';

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

export function resolveDue(text: string, workspace: WorkspaceSettings, deps: Deps): Date {
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

  // Numbering, the row and its history in one statement: the UPDATE's row lock on the workspace
  // serialises concurrent adds, so numbers never collide, and nothing is half-written.
  const now = deps.clock.now();
  const id = randomUUID();
  const change: OwnershipChange = suggestion ? 'suggested' : 'created';
  const channelId = input.channelId ?? null;
  const [row] = await deps.db.prisma.$queryRaw<Array<{ number: number }>>`
    WITH numbered AS (
      UPDATE "Workspace" SET "nextInitiativeNumber" = "nextInitiativeNumber" + 1, "updatedAt" = ${now}
      WHERE "teamId" = ${actor.teamId}
      RETURNING "nextInitiativeNumber" - 1 AS "number"
    ), created AS (
      INSERT INTO "Initiative" ("id", "teamId", "number", "title", "kind", "leadDiscipline", "ownerId",
        "dueDate", "channelId", "createdBy", "createdAt", "updatedAt")
      SELECT ${id}, ${actor.teamId}, "number", ${input.title}, CAST(${kind} AS "InitiativeKind"),
        CAST(${lead} AS "Discipline"), ${ownerId}, CAST(${dueDate} AS date), ${channelId},
        ${actor.userId}, ${now}, ${now}
      FROM numbered
      RETURNING "id"
    ), history AS (
      INSERT INTO "OwnershipEvent" ("teamId", "initiativeId", "toUserId", "actorId", "change", "source", "at")
      SELECT ${actor.teamId}, "id", ${ownerId}, ${actor.userId}, CAST(${change} AS "OwnershipChange"),
        CAST(${actor.source} AS "ChangeSource"), ${now}
      FROM created WHERE CAST(${ownerId} AS text) IS NOT NULL
    )
    SELECT "number"::int AS "number" FROM numbered`;
  if (!row) throw new Error(`workspace ${actor.teamId} is not set up`);
  const initiative: Initiative = {
    id,
    teamId: actor.teamId,
    number: row.number,
    title: input.title,
    kind,
    leadDiscipline: lead,
    ownerId,
    collaborators: [],
    status: 'planned',
    dueDate,
    channelId,
    keywords: [],
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  return {
    initiative,
    workspace,
    ...(suggestion ? { suggestion: { userId: suggestion.userId, reason: suggestion.reason } } : {}),
  };
}

const OPEN: InitiativeStatus[] = ['planned', 'active'];
export const LIST_LIMIT = 50;

/** An `/initiative list` before its reader is known: what it matches, and the channels it is in. */
export interface InitiativeListQuery {
  where: Prisma.InitiativeWhereInput;
  found: WorkChannels;
}

export async function initiativeListQuery(
  deps: Deps,
  actor: Actor,
  filter: InitiativeListFilter,
  workspace: WorkspaceSettings,
): Promise<InitiativeListQuery> {
  const today = calendarDateToDb(
    todayIn({ now: deps.clock.now(), timezone: workspace.timezone }) ?? '1970-01-01',
  );
  const where: Prisma.InitiativeWhereInput = {
    teamId: actor.teamId,
    ...(filter.by === 'all' ? {} : { status: { in: OPEN } }),
    ...(filter.by === 'mine' ? { ownerId: actor.userId } : {}),
    ...(filter.by === 'user' ? { ownerId: filter.userId } : {}),
    ...(filter.by === 'kind' ? { kind: filter.kind } : {}),
    ...(filter.by === 'overdue' ? { dueDate: { lt: today } } : {}),
  };
  return { where, found: channelsOf([await tallyInitiatives(deps, where)]) };
}

/** The page and total as its reader may see them: hidden work neither crowds out the page nor counts. */
export async function listInitiatives(
  deps: Deps,
  query: InitiativeListQuery,
  scope: ChannelScope,
): Promise<{ initiatives: Initiative[]; total: number }> {
  const where = { AND: [query.where, initiativesIn(scope)] };
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
