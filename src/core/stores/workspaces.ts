import type { Deps } from '../../deps.js';
import type { Prisma, Workspace } from '../../generated/prisma/client.js';

// A workspace's row goes only when its data is purged (forgetKnownWorkspace), so once a team's
// row is known to exist (with its organisation, when it came through an org-wide install) it
// need not be checked again. Keyed by team, then by organisation ('' for none).
const knownTeams = new WeakMap<object, Map<string, Set<string>>>();

/** The organisations this team's row is known to exist with, in this process. */
function seenFor(deps: Deps, teamId: string): Set<string> {
  let known = knownTeams.get(deps.db);
  if (!known) {
    known = new Map();
    knownTeams.set(deps.db, known);
  }
  let seen = known.get(teamId);
  if (!seen) {
    seen = new Set<string>();
    known.set(teamId, seen);
  }
  return seen;
}

/**
 * Makes sure the team's row exists (rows that belong to it have a foreign key) with one insert
 * that does nothing if it is there, and nothing at all after the first time per process. Prisma's
 * upsert is find-then-create and races with a concurrent first request from the same team;
 * INSERT … ON CONFLICT DO NOTHING does not.
 */
export async function ensureWorkspace(deps: Deps, teamId: string, enterpriseId?: string): Promise<void> {
  const seen = seenFor(deps, teamId);
  if (seen.has(enterpriseId ?? '')) return;
  await deps.db.prisma.workspace.createMany({
    data: [{ teamId, timezone: deps.defaultTimezone, enterpriseId: enterpriseId ?? null }],
    skipDuplicates: true,
  });
  // A workspace seen before its organisation installed Tandem org-wide learns its organisation now.
  if (enterpriseId)
    await deps.db.prisma.workspace.updateMany({
      where: { teamId, enterpriseId: null },
      data: { enterpriseId },
    });
  seen.add(enterpriseId ?? '');
}

/** After a purge deleted the row: the team's next request creates it afresh. */
export function forgetKnownWorkspace(deps: Deps, teamId: string): void {
  knownTeams.get(deps.db)?.delete(teamId);
}

/**
 * The team's row, created with defaults the first time the team is seen. Read first: a row that
 * is there (with its organisation, if it has one) needs no insert, so a process's first request
 * from a team, an ignored reaction say, writes nothing.
 */
export async function readWorkspace(deps: Deps, teamId: string, enterpriseId?: string): Promise<Workspace> {
  const row = await deps.db.prisma.workspace.findUnique({ where: { teamId } });
  if (row && (!enterpriseId || row.enterpriseId !== null)) {
    seenFor(deps, teamId).add(enterpriseId ?? '');
    return row;
  }
  await ensureWorkspace(deps, teamId, enterpriseId);
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

/** The workspaces with a digest channel, with what deciding their digest's minute needs. */
export function workspacesWithDigest(deps: Deps) {
  return deps.db.prisma.workspace.findMany({
    where: { digestChannel: { not: null }, uninstalledAt: null },
    select: {
      teamId: true,
      timezone: true,
      digestTime: true,
      digestGraceMinutes: true,
      digestChannel: true,
      // Who hears when the digest cannot be posted.
      tandemAdmins: true,
      setupBy: true,
      installerId: true,
    },
    orderBy: { teamId: 'asc' },
  });
}

/** The organisation whose org-wide install serves the workspace, if it came that way. */
export async function enterpriseOf(deps: Deps, teamId: string): Promise<string | undefined> {
  const row = await deps.db.prisma.workspace.findUnique({
    where: { teamId },
    select: { enterpriseId: true },
  });
  return row?.enterpriseId ?? undefined;
}

/** Every workspace Tandem still serves: uninstalled ones get no scheduled work. */
export async function allTeamIds(deps: Deps): Promise<string[]> {
  const rows = await deps.db.prisma.workspace.findMany({
    where: { uninstalledAt: null },
    select: { teamId: true },
  });
  return rows.map((r) => r.teamId);
}
