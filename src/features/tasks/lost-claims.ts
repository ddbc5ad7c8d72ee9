import { NOTICE_PRIORITY } from '../../core/outbound/private-notices.js';
import { sendCoalesced } from '../../core/outbound/slack-output.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { messageShows } from '../../core/task-messages/shown.js';
import type { WorkRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { tellPrivately } from '../../slack/tell.js';
import { alreadyClaimedMessage } from './views.js';

/** A claim by reaction that came too late, waiting to be told. */
interface Lost {
  task: TaskWithInitiative;
  channel: string;
  ts: string;
}

// Per app, per person and channel: the lost claims not yet told, by task.
const waitingByApp = new WeakMap<Deps, Map<string, Map<string, Lost>>>();

function waitingFor(deps: Deps, key: string): Map<string, Lost> {
  let byPerson = waitingByApp.get(deps);
  if (!byPerson) {
    byPerson = new Map();
    waitingByApp.set(deps, byPerson);
  }
  let lost = byPerson.get(key);
  if (!lost) {
    lost = new Map();
    byPerson.set(key, lost);
  }
  return lost;
}

/**
 * Tells someone whose ✋ lost the race who has the task, unless the task message they reacted on
 * already says so by the time the note's turn comes. It then says nothing new, only later: in a
 * burst of a few hundred claims the notes queue behind Slack's `chat.postEphemeral` tier (100 a
 * minute) for minutes, while every task message shows its owner within a second or two. A loss
 * in the moment before the message catches up is still told. The notes of one person in one
 * channel are coalesced: someone who lost several tasks while their note waited hears of all of
 * them in one.
 */
export function tellLost(
  req: WorkRequest,
  where: { channel: string; user: string },
  task: TaskWithInitiative,
) {
  const { deps, client } = req;
  const { teamId } = req.team;
  const { messageChannel: channel, messageTs: ts } = task;
  if (!channel || !ts) return;
  // Most late claims in a race land on a message that shows the owner already: nothing to queue.
  if (messageShows(deps, teamId, channel, ts, task)) return;
  const key = `lost|${where.channel}|${where.user}`;
  waitingFor(deps, `${teamId}|${key}`).set(task.id, { task, channel, ts });
  sendCoalesced(deps, client, teamId, {
    key,
    method: 'chat.postEphemeral',
    kind: 'lost_claim',
    priority: NOTICE_PRIORITY,
    send: async () => {
      const waiting = waitingFor(deps, `${teamId}|${key}`);
      const batch = [...waiting.values()];
      const untold = batch.filter((l) => !messageShows(deps, teamId, l.channel, l.ts, l.task));
      if (untold.length > 0)
        await tellPrivately(client, deps.logger, where, alreadyClaimedMessage(untold.map((l) => l.task)));
      // Only what was told (or shown) leaves: a loss added meanwhile has its own render owed.
      for (const lost of batch) if (waiting.get(lost.task.id) === lost) waiting.delete(lost.task.id);
      if (waiting.size === 0) waitingByApp.get(deps)?.delete(`${teamId}|${key}`);
    },
    failed: (error, retrying) =>
      deps.logger.warn(
        { err: error, teamId, channel: where.channel, retrying },
        retrying
          ? 'lost-claim note rate-limited; sending it again after Retry-After'
          : 'lost-claim note not sent',
      ),
  });
}
