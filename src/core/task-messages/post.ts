import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { postOnce } from '../../slack/post-once.js';
import type { WorkspaceSettings } from '../settings.js';
import { saveTasks, type TaskDraft } from '../stores/task-creation.js';
import type { TaskActor, TaskWithInitiative } from '../stores/tasks.js';
import { taskMessage } from './views.js';

export interface PostOutcome {
  saved: TaskWithInitiative[];
  /** What Slack refused, if anything: the drafts from there on were not saved. */
  error?: unknown;
}

/**
 * Posts each drafted task's message in `channel`, then saves the tasks whose message went out.
 * Slack I/O stays outside the database transaction; a refusal stops at that task, and only the
 * tasks people can actually react to are recorded.
 */
export async function postTaskDrafts(
  client: WebClient,
  deps: Deps,
  actor: TaskActor,
  workspace: WorkspaceSettings,
  drafts: TaskDraft[],
  channel: string,
): Promise<PostOutcome> {
  const view = { now: deps.clock.now(), timezone: workspace.timezone, emoji: workspace.emoji };
  const posted: Array<{ draft: TaskDraft; message: { channel: string; ts: string } }> = [];
  let error: unknown;
  for (const draft of drafts) {
    try {
      const message = await postOnce(
        client,
        deps.logger,
        { channel, ...taskMessage(draft, view) },
        { type: 'tandem_task', teamId: actor.teamId, key: String(draft.number) },
      );
      posted.push({ draft, message });
    } catch (e) {
      error = e;
      break;
    }
  }
  const saved = posted.length > 0 ? await saveTasks(deps, actor, posted) : [];
  return error === undefined ? { saved } : { saved, error };
}
