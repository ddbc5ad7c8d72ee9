// What the scheduler needs to plan nudges only where something is due or changed: each
// workspace's next due instant, and the change marks the database's triggers add on every write
// to what nudges are planned from.
import type { Deps } from '../../deps.js';
import type { PlanBoundaries } from '../../domain/time/next-plan.js';

/** A workspace a scheduler pass visits, and whether its nudges need planning or only delivering. */
export interface PassTarget {
  teamId: string;
  plan: boolean;
}

/** The change marks written so far, by workspace: each is deleted once its workspace is planned. */
export async function pendingChanges(deps: Deps): Promise<Map<string, bigint[]>> {
  const rows = await deps.db.prisma.$queryRaw<Array<{ teamId: string; ids: bigint[] }>>`
    SELECT "teamId", array_agg("id") AS "ids" FROM "NudgeInputChange" GROUP BY "teamId"`;
  return new Map(rows.map((r) => [r.teamId, r.ids.map((id) => BigInt(id))]));
}

/**
 * The installed workspaces a pass must visit: those never planned, due, or changed (planned
 * and delivered), and those with only a nudge waiting to go out (delivered). One statement,
 * however many workspaces there are.
 */
export async function passTargets(deps: Deps, now: Date, changed: string[]): Promise<PassTarget[]> {
  return deps.db.prisma.$queryRaw<PassTarget[]>`
    SELECT w."teamId",
           (p."teamId" IS NULL OR p."nextDueAt" <= ${now} OR w."teamId" = ANY(${changed})) AS "plan"
    FROM "Workspace" w LEFT JOIN "NudgePlan" p ON p."teamId" = w."teamId"
    WHERE w."uninstalledAt" IS NULL
      AND (p."teamId" IS NULL OR p."nextDueAt" <= ${now} OR w."teamId" = ANY(${changed})
           OR w."teamId" IN (SELECT n."teamId" FROM "NudgeSent" n
                             WHERE n."sentAt" IS NULL AND n."notBefore" <= ${now}))
    ORDER BY w."teamId"`;
}

/** The raw instants `nextPlanInstant` needs, read in one statement. */
export async function planBoundaries(
  deps: Deps,
  teamId: string,
  now: Date,
  ago: { unownedSince: Date; embargoNoticeEnd: Date },
): Promise<PlanBoundaries> {
  const [row] = await deps.db.prisma.$queryRaw<PlanBoundaries[]>`
    SELECT
      (SELECT min("snoozedUntil") FROM "Task" WHERE "teamId" = ${teamId}
         AND "status" <> 'done' AND "snoozedUntil" > ${now}) AS "snoozeEnds",
      (SELECT min("createdAt") FROM "Initiative" WHERE "teamId" = ${teamId} AND "ownerId" IS NULL
         AND "status" IN ('planned', 'active') AND "createdAt" > ${ago.unownedSince}) AS "unownedCreatedAt",
      (SELECT min("respondBy") FROM "Task" WHERE "teamId" = ${teamId} AND "assigneeId" IS NULL
         AND "status" = 'open' AND "respondBy" > ${now}) AS "respondBy",
      (SELECT min("embargoUntil") FROM "PressRelease" WHERE "teamId" = ${teamId}
         AND "embargoUntil" > ${ago.embargoNoticeEnd}) AS "embargoUntil"`;
  return row ?? { snoozeEnds: null, unownedCreatedAt: null, respondBy: null, embargoUntil: null };
}

/** Records a workspace's plan and takes away the change marks that planning has seen, in one statement. */
export async function savePlan(
  deps: Deps,
  teamId: string,
  plan: { plannedAt: Date; nextDueAt: Date },
  seen: bigint[],
): Promise<void> {
  await deps.db.prisma.$executeRaw`
    WITH saved AS (
      INSERT INTO "NudgePlan" ("teamId", "nextDueAt", "plannedAt")
      VALUES (${teamId}, ${plan.nextDueAt}, ${plan.plannedAt})
      ON CONFLICT ("teamId") DO UPDATE SET "nextDueAt" = EXCLUDED."nextDueAt", "plannedAt" = EXCLUDED."plannedAt"
    )
    DELETE FROM "NudgeInputChange" WHERE "id" = ANY(${seen.map(String)}::bigint[])`;
}

/** Change marks of workspaces that are no longer installed: nothing will plan them. */
export async function dropChanges(deps: Deps, ids: bigint[]): Promise<void> {
  if (ids.length > 0) await deps.db.prisma.nudgeInputChange.deleteMany({ where: { id: { in: ids } } });
}
