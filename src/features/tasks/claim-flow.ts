import type { WebClient } from '@slack/web-api';
import { claimTask, type TaskActor, type TaskWithInitiative } from '../../core/stores/tasks.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import { loadWorkspace, type WorkspaceSettings } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { workloadNote } from '../../domain/workload.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { alreadyClaimedMessage, claimedMessage, noteMessage } from './views.js';

/**
 * One claim, from a reaction, a button or a command: the atomic claim, then the message and the
 * homes, then the one private answer the claimant gets.
 */
export async function claimAndTell(
  client: WebClient,
  deps: Deps,
  actor: TaskActor,
  task: TaskWithInitiative,
  tell: (message: SlackMessage) => Promise<void>,
  known?: WorkspaceSettings,
): Promise<void> {
  // Most reactions in a race arrive after the winner: what was just read already answers them.
  // A task that looks free still goes through the atomic claim, which settles real contention.
  if (task.status === 'done' || (task.assigneeId && task.assigneeId !== actor.userId)) {
    await tell(alreadyClaimedMessage(task));
    return;
  }
  const outcome = await claimTask(deps, actor, task.id);
  switch (outcome.kind) {
    case 'claimed': {
      const workspace = known ?? (await loadWorkspace(deps, actor.teamId));
      await afterTaskChange(client, deps, outcome.task, [actor.userId], workspace);
      await tell(claimedMessage(outcome.task, workloadNote(outcome.openTasks, workspace.workloadThreshold)));
      return;
    }
    case 'already-yours':
      await tell(noteMessage('You already own this task.'));
      return;
    case 'taken':
    case 'done':
      await tell(alreadyClaimedMessage(outcome.task));
      return;
  }
}
