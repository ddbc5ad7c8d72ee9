import { prepared } from '../../db/prepared.js';
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

const RECORD_HOME_OPENED = prepared(
  'record_home_opened',
  `INSERT INTO "Member" ("teamId", "userId", "homeOpenedAt", "updatedAt") VALUES ($1, $2, $3, $3)
   ON CONFLICT ("teamId", "userId") DO UPDATE
     SET "homeOpenedAt" = EXCLUDED."homeOpenedAt", "updatedAt" = EXCLUDED."updatedAt"
     WHERE "Member"."homeOpenedAt" IS NULL`,
);

/** Someone opened Tandem's App Home; the first time is kept (later opens write nothing). */
export async function recordHomeOpened(deps: Deps, teamId: string, userId: string): Promise<void> {
  await ensureWorkspace(deps, teamId);
  await deps.db.run(RECORD_HOME_OPENED, [teamId, userId, deps.clock.now()]);
}

const HOME_OPENED = prepared(
  'home_opened',
  `SELECT 1 AS "opened" FROM "Member"
   WHERE "teamId" = $1 AND "userId" = $2 AND "homeOpenedAt" IS NOT NULL`,
);

export async function hasOpenedHome(deps: Deps, teamId: string, userId: string): Promise<boolean> {
  return (await deps.db.run(HOME_OPENED, [teamId, userId])).length > 0;
}
