import type { Deps } from '../../deps.js';
import { forgetKnownWorkspace } from './workspaces.js';

/**
 * A (re)install: the row exists, the installer administers Tandem there, and a workspace
 * uninstalled within the retention period is served again with its data as it was.
 */
export async function markInstalled(deps: Deps, teamId: string, installerId: string): Promise<void> {
  // INSERT … ON CONFLICT: Prisma's upsert is find-then-create and races with the team's first request.
  await deps.db.prisma.workspace.createMany({
    data: [{ teamId, timezone: deps.defaultTimezone }],
    skipDuplicates: true,
  });
  await deps.db.prisma.workspace.update({ where: { teamId }, data: { installerId, uninstalledAt: null } });
}

/** Stops everything scheduled for the workspace; a row that does not exist is not created. */
export async function markUninstalled(deps: Deps, teamId: string, at: Date): Promise<boolean> {
  const { count } = await deps.db.prisma.workspace.updateMany({
    where: { teamId, uninstalledAt: null },
    data: { uninstalledAt: at },
  });
  return count > 0;
}

/**
 * An organisation's org-wide install came or went: its workspaces that have no installation of
 * their own follow it (uninstalled with it, served again when it is installed again).
 */
export async function markEnterpriseWorkspaces(
  deps: Deps,
  enterpriseId: string,
  uninstalledAt: Date | null,
): Promise<number> {
  const own = await deps.db.prisma.installation.findMany({
    where: { enterpriseId, isEnterpriseInstall: false },
    select: { teamId: true },
  });
  const ownTeams = own.flatMap((r) => (r.teamId ? [r.teamId] : []));
  const { count } = await deps.db.prisma.workspace.updateMany({
    where: {
      enterpriseId,
      teamId: { notIn: ownTeams },
      uninstalledAt: uninstalledAt ? null : { not: null },
    },
    data: { uninstalledAt },
  });
  return count;
}

/** Workspaces uninstalled before `before`, whose data is due to go. */
export async function workspacesToPurge(deps: Deps, before: Date): Promise<string[]> {
  const rows = await deps.db.prisma.workspace.findMany({
    where: { uninstalledAt: { lt: before } },
    select: { teamId: true },
    orderBy: { teamId: 'asc' },
  });
  return rows.map((r) => r.teamId);
}

/**
 * Deletes everything Tandem holds for one workspace, children before parents, in one
 * transaction, and only if it is still uninstalled since before `before` (a reinstall that
 * raced the purge wins). The ownership history refuses deletes except for the workspace this
 * transaction names in `tandem.purging_team`.
 */
export async function purgeWorkspace(deps: Deps, teamId: string, before: Date): Promise<boolean> {
  const purged = await deps.db.prisma.$transaction(async (tx) => {
    const still = await tx.workspace.updateMany({
      where: { teamId, uninstalledAt: { lt: before } },
      data: { updatedAt: new Date() },
    });
    if (still.count === 0) return false;
    await tx.$executeRaw`SELECT set_config('tandem.purging_team', ${teamId}, true)`;
    const where = { teamId };
    await tx.socialDraft.deleteMany({ where });
    await tx.pressRelease.deleteMany({ where });
    await tx.trendLink.deleteMany({ where });
    await tx.ownershipEvent.deleteMany({ where });
    await tx.task.deleteMany({ where });
    await tx.trend.deleteMany({ where });
    await tx.initiative.deleteMany({ where });
    await tx.nudgeSent.deleteMany({ where });
    await tx.nudgePlan.deleteMany({ where });
    await tx.nudgeInputChange.deleteMany({ where });
    await tx.digestRun.deleteMany({ where });
    await tx.processedEvent.deleteMany({ where });
    await tx.member.deleteMany({ where });
    await tx.installation.deleteMany({ where: { teamId, isEnterpriseInstall: false } });
    await tx.workspace.delete({ where: { teamId } });
    return true;
  });
  if (purged) forgetKnownWorkspace(deps, teamId);
  return purged;
}

/** Single-workspace mode starting with a working token: the workspace is installed again. */
export async function clearUninstalled(deps: Deps, teamId: string): Promise<boolean> {
  const { count } = await deps.db.prisma.workspace.updateMany({
    where: { teamId, uninstalledAt: { not: null } },
    data: { uninstalledAt: null },
  });
  return count > 0;
}
