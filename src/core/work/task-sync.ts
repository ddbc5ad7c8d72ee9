import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { refreshHomes } from '../home/publish.js';
import { sendCoalesced } from '../outbound/slack-output.js';
import { refreshReleaseCard } from '../release-card/refresh.js';
import { findTaskById, type TaskWithInitiative } from '../stores/tasks.js';
import { noteShown } from '../task-messages/shown.js';
import { taskMessage } from '../task-messages/views.js';
import { loadWorkspace } from '../team.js';

/**
 * Brings a task's Slack message and the App Homes of the people involved up to date, soon and
 * without waiting: the person who made the change is answered first. Changes in a burst share
 * one re-render, made from the database when it runs, so the message ends showing the truth.
 * If Slack refuses (after retries, 5xx), the message stays stale until the next change.
 */
export function afterTaskChange(
  client: WebClient,
  deps: Deps,
  task: TaskWithInitiative,
  people: Array<string | null | undefined>,
): void {
  const { teamId, messageChannel: channel, messageTs: ts } = task;
  // An amplify task is a line on its release's card, with no message of its own.
  if (task.releaseId && !ts) refreshReleaseCard(client, deps, { id: task.releaseId, teamId });
  else if (channel && ts) {
    sendCoalesced(deps, client, teamId, {
      key: `message|${channel}|${ts}`,
      method: 'chat.update',
      kind: 'task_message',
      send: async () => {
        const current = await findTaskById(deps, teamId, task.id);
        if (!current) return;
        const workspace = await loadWorkspace(deps, teamId);
        const view = { now: deps.clock.now(), timezone: workspace.timezone, emoji: workspace.emoji };
        await client.chat.update({ channel, ts, ...taskMessage(current, view) });
        noteShown(deps, teamId, channel, ts, current);
      },
      failed: (error, retrying) =>
        deps.logger.warn(
          { err: error, teamId, task: task.number, retrying },
          retrying
            ? 'task message rate-limited; sending it again after Retry-After'
            : 'task message not updated; the next change will retry',
        ),
    });
  }
  refreshHomes(client, deps, teamId, [task.assigneeId, ...people]);
}
