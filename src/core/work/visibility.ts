import type { Initiative } from '../../generated/prisma/client.js';
import { isAllowed } from '../permissions.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { initiativeFacts, taskFacts, type WorkRequest, whoAsks } from './request.js';

/**
 * What of a list this person may see: private-channel work only for that channel's members.
 * Channel answers are cached, so a list of fifty items costs a lookup per distinct channel.
 */
async function visible<T>(
  req: WorkRequest,
  items: T[],
  facts: (req: WorkRequest, item: T) => ReturnType<typeof taskFacts>,
): Promise<T[]> {
  const actor = await whoAsks(req);
  const shown: T[] = [];
  for (const item of items) {
    if (isAllowed({ action: 'item.view', actor, team: req.team, item: await facts(req, item) }))
      shown.push(item);
  }
  return shown;
}

export const visibleTasks = (req: WorkRequest, tasks: TaskWithInitiative[]) => visible(req, tasks, taskFacts);

export const visibleInitiatives = (req: WorkRequest, initiatives: Initiative[]) =>
  visible(req, initiatives, initiativeFacts);
