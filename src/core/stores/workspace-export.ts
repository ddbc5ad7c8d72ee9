import type { Deps } from '../../deps.js';

const byId = { id: 'asc' } as const;

/**
 * Everything Tandem keeps about one workspace's work and people, read in one repeatable-read
 * transaction so the lists agree with each other (no task whose initiative is missing). Slack's
 * own delivery records (processed events, digest runs, nudges sent) are bookkeeping, not data a
 * team would take elsewhere, and are left out.
 */
export async function readWorkspaceExport(deps: Deps, teamId: string) {
  return deps.db.prisma.$transaction(
    async (tx) => {
      const where = { teamId };
      return {
        workspace: await tx.workspace.findUnique({ where }),
        members: await tx.member.findMany({ where, orderBy: { userId: 'asc' } }),
        initiatives: await tx.initiative.findMany({ where, orderBy: { number: 'asc' } }),
        tasks: await tx.task.findMany({ where, orderBy: { number: 'asc' } }),
        ownershipEvents: await tx.ownershipEvent.findMany({ where, orderBy: byId }),
        trends: await tx.trend.findMany({ where, orderBy: { number: 'asc' } }),
        trendLinks: await tx.trendLink.findMany({
          where,
          orderBy: [{ trendId: 'asc' }, { initiativeId: 'asc' }],
        }),
        pressReleases: await tx.pressRelease.findMany({ where, orderBy: { number: 'asc' } }),
        socialDrafts: await tx.socialDraft.findMany({
          where,
          orderBy: [{ releaseId: 'asc' }, { network: 'asc' }, { version: 'asc' }],
        }),
      };
    },
    { isolationLevel: 'RepeatableRead' },
  );
}

export type WorkspaceExport = Awaited<ReturnType<typeof readWorkspaceExport>>;
