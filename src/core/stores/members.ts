import type { Deps } from '../../deps.js';
import type { Discipline, Member } from '../../generated/prisma/client.js';
import { ensureWorkspace } from './workspaces.js';

/** The discipline a person told Tandem, if any. */
export async function memberDiscipline(
  deps: Deps,
  teamId: string,
  userId: string,
): Promise<Discipline | null> {
  const member = await deps.db.prisma.member.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { discipline: true },
  });
  return member?.discipline ?? null;
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

/** Turns a person's daily personal digest on or off. */
export async function savePersonalDigest(
  deps: Deps,
  teamId: string,
  userId: string,
  on: boolean,
): Promise<void> {
  await ensureWorkspace(deps, teamId);
  await deps.db.prisma.member.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, personalDigest: on },
    update: { personalDigest: on },
  });
}

/** Everyone, in every workspace, who asked for a personal digest. */
export function membersWantingDigest(deps: Deps): Promise<Member[]> {
  return deps.db.prisma.member.findMany({
    where: { personalDigest: true, workspace: { uninstalledAt: null } },
  });
}
