import { prepared } from '../../db/prepared.js';
import type { Deps } from '../../deps.js';
import { TASK_WITH_INITIATIVE_COLUMNS, type TaskWithInitiative, taskFromRow } from './tasks.js';
import { ensureWorkspace } from './workspaces.js';

/**
 * Records a Slack event id as being handled. Returns false when it already was: a retry
 * (`X-Slack-Retry-Num`) or a duplicate delivery, even one arriving while the first still runs.
 */
export async function claimEvent(deps: Deps, teamId: string, eventId: string): Promise<boolean> {
  await ensureWorkspace(deps, teamId);
  // Raw: it runs for every handled event, and Prisma's createMany compiles its query each time.
  const inserted = await deps.db.prisma.$executeRaw`
    INSERT INTO "ProcessedEvent" ("teamId", "eventId", "receivedAt")
    VALUES (${teamId}, ${eventId}, ${deps.clock.now()})
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/** Lets Slack's next retry run an event whose handling failed. */
export async function releaseEvent(deps: Deps, teamId: string, eventId: string): Promise<void> {
  await deps.db.prisma.processedEvent.deleteMany({ where: { teamId, eventId } });
}

/** Slack retries for about an hour at most; a week of ids is plenty to recognise any redelivery. */
export const PROCESSED_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export async function purgeProcessedEvents(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - PROCESSED_EVENT_RETENTION_MS);
  const { count } = await deps.db.prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return count;
}

const RECORD_REACTION = prepared(
  'record_reaction_event',
  `WITH recorded AS (
     INSERT INTO "ProcessedEvent" ("teamId", "eventId", "receivedAt")
     VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING
     RETURNING 1
   )
   SELECT (SELECT count(*) FROM recorded)::int AS "recordedNow", ${TASK_WITH_INITIATIVE_COLUMNS}
   FROM (SELECT 1) AS one
   LEFT JOIN "Task" t ON t."teamId" = $1 AND t."messageChannel" = $4 AND t."messageTs" = $5
   LEFT JOIN "Initiative" i ON i."id" = t."initiativeId" AND i."teamId" = t."teamId"`,
);

/**
 * `claimEvent` for a reaction on a message, with the task behind that message (or null) read in
 * the same statement: most reactions in a claim race need nothing more from the database, so
 * each costs one round trip, not two.
 */
export async function claimReactionEvent(
  deps: Deps,
  teamId: string,
  eventId: string,
  item: { channel: string; ts: string },
): Promise<{ first: boolean; task: TaskWithInitiative | null }> {
  await ensureWorkspace(deps, teamId);
  const [row] = await deps.db.run(RECORD_REACTION, [
    teamId,
    eventId,
    deps.clock.now(),
    item.channel,
    item.ts,
  ]);
  return { first: row?.recordedNow === 1, task: taskFromRow(row) };
}
