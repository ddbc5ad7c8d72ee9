import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { publishHomes } from '../home/publish.js';
import type { WorkspaceSettings } from '../settings.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { taskMessage } from '../task-messages/views.js';
import { loadWorkspace } from '../team.js';

/**
 * Brings a task's Slack message and the App Homes of the people involved up to date. The
 * database is the truth: if Slack refuses (429 after retries, 5xx), the message stays stale
 * until the next change to the task re-renders it from the database.
 */
export async function afterTaskChange(
  client: WebClient,
  deps: Deps,
  task: TaskWithInitiative,
  people: Array<string | null | undefined>,
  known?: WorkspaceSettings,
): Promise<void> {
  const workspace = known ?? (await loadWorkspace(deps, task.teamId));
  if (task.messageChannel && task.messageTs) {
    try {
      await client.chat.update({
        channel: task.messageChannel,
        ts: task.messageTs,
        ...taskMessage(task, { now: deps.clock.now(), timezone: workspace.timezone, emoji: workspace.emoji }),
      });
    } catch (error) {
      deps.logger.warn(
        { err: error, teamId: task.teamId, task: task.number },
        'task message not updated; the next change will retry',
      );
    }
  }
  await publishHomes(client, deps, task.teamId, [task.assigneeId, ...people]);
}
