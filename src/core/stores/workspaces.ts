import type { Deps } from '../../deps.js';
import type { Discipline, Prisma, Workspace } from '../../generated/prisma/client.js';

// Workspaces are never deleted, so once a team's row is known to exist it need not be checked again.
const knownTeams = new WeakMap<object, Set<string>>();

/**
 * Makes sure the team's row exists (rows that belong to it have a foreign key) with one insert
 * that does nothing if it is there, and nothing at all after the first time per process. Prisma's
 * upsert is find-then-create and races with a concurrent first request from the same team;
 * INSERT … ON CONFLICT DO NOTHING does not.
 */
export async function ensureWorkspace(deps: Deps, teamId: string): Promise<void> {
  let known = knownTeams.get(deps.db);
  if (!known) {
    known = new Set();
    knownTeams.set(deps.db, known);
  }
  if (known.has(teamId)) return;
  await deps.db.prisma.workspace.createMany({
    data: [{ teamId, timezone: deps.defaultTimezone }],
    skipDuplicates: true,
  });
  known.add(teamId);
}

/** The team's row, created with defaults the first time the team is seen. */
export async function readWorkspace(deps: Deps, teamId: string): Promise<Workspace> {
  await ensureWorkspace(deps, teamId);
  return deps.db.prisma.workspace.findUniqueOrThrow({ where: { teamId } });
}

/** Writes settings columns; the caller has asked the policy and checked the values. */
export async function saveSettings(
  deps: Deps,
  teamId: string,
  data: Prisma.WorkspaceUpdateInput,
): Promise<Workspace> {
  return deps.db.prisma.workspace.update({ where: { teamId }, data });
}

export async function saveMemberDiscipline(
  deps: Deps,
  teamId: string,
  userId: string,
  discipline: Exclude<Discipline, 'joint'> | null,
): Promise<void> {
  await ensureWorkspace(deps, teamId);
  await deps.db.prisma.member.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, discipline },
    update: { discipline },
  });
}
