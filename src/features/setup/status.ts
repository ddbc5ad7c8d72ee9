import { type DeliveryProblems, deliveryProblems } from '../../core/delivery/problems.js';
import { ensureAllowed } from '../../core/permissions.js';
import { commandQueueDepth } from '../../core/requests/command-queue.js';
import { eventQueueDepth } from '../../core/requests/event-queue.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { type DigestDay, latestDigests } from '../../core/stores/delivery-status.js';
import { type WorkRequest, whoAsks } from '../../core/work/request.js';
import { type SchedulerPasses, schedulerPasses } from '../../runtime/scheduler-passes.js';
import type { QueueDepth } from '../../slack/limiter.js';

/** Everything `/tandem status` shows of one workspace, and of the process answering. */
export interface StatusReport {
  team: WorkspaceSettings;
  problems: DeliveryProblems;
  latest: DigestDay | null;
  lastSent: DigestDay | null;
  /** This process's queues, shared by every workspace it serves. */
  queues: { commands: QueueDepth; events: QueueDepth };
  scheduler: SchedulerPasses;
}

/** `/tandem status`, for admins: it names people whose DMs fail and channels Tandem cannot use. */
export async function readStatus(req: WorkRequest): Promise<StatusReport> {
  const { deps, team } = req;
  ensureAllowed({
    action: 'status.view',
    actor: await whoAsks(req),
    team,
    doing: 'see Tandem’s delivery status',
    hint: 'Workspace owners and admins count as Tandem admins; `/tandem settings` names the others.',
  });
  const { latest, lastSent } = await latestDigests(deps, team.teamId);
  return {
    team,
    problems: await deliveryProblems(deps, team, latest),
    latest,
    lastSent,
    queues: { commands: commandQueueDepth(deps), events: eventQueueDepth(deps) },
    scheduler: schedulerPasses(deps),
  };
}
