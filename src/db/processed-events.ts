import type { Deps } from '../deps.js';
import { ensureWorkspace } from '../features/setup/workspace-service.js';

/**
 * Records a Slack event id as being handled. Returns false when it already was: a retry
 * (`X-Slack-Retry-Num`) or a duplicate delivery, even one arriving while the first still runs.
 */
export async function claimEvent(deps: Deps, teamId: string, eventId: string): Promise<boolean> {
  await ensureWorkspace(deps, teamId);
  const { count } = await deps.db.prisma.processedEvent.createMany({
    data: [{ teamId, eventId }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Lets Slack's next retry run an event whose handling failed. */
export async function releaseEvent(deps: Deps, teamId: string, eventId: string): Promise<void> {
  await deps.db.prisma.processedEvent.deleteMany({ where: { teamId, eventId } });
}
