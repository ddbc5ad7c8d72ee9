import type { Deps } from '../../deps.js';

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
