import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isBot } from '../../core/people.js';
import {
  blockTask,
  completeTask,
  findTaskByMessage,
  mayComplete,
  onlyOwnersMayComplete,
  releaseTask,
  snoozeTask,
  type TaskActor,
} from '../../core/stores/tasks.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import { taskRef } from '../../core/task-messages/views.js';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { reactionFor } from '../../domain/reactions.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import { tellPrivately } from '../../slack/tell.js';
import { claimAndTell } from './claim-flow.js';
import { blockedQuestion, handoffPicker, noteMessage } from './views.js';

type AddedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;
type RemovedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_removed'>;

/** The task a reaction landed on, or null (logged at debug) for anything else. */
async function reactedTask(
  deps: Deps,
  teamId: string,
  item: { type: string; channel?: string; ts?: string },
) {
  if (item.type !== 'message' || !item.channel || !item.ts) return null;
  const task = await findTaskByMessage(deps, teamId, item.channel, item.ts);
  if (!task)
    deps.logger.debug(
      { teamId, channel: item.channel, ts: item.ts },
      'reaction on a message that is not a task; ignored',
    );
  return task;
}

/** ✋ claims, ✅ completes, 🔁 hands off, 🚧 blocks, 💤 snoozes — with each workspace's own emoji. */
export function reactionAdded(deps: Deps) {
  return async function handleReactionAdded({ event, context, client }: AddedArgs): Promise<void> {
    const teamId = teamIdOf(context);
    const workspace = await loadWorkspace(deps, teamId);
    const action = reactionFor(event.reaction, workspace.emoji);
    if (!action) return;
    const task = await reactedTask(deps, teamId, event.item);
    if (!task) return;
    if (await isBot(deps, client, teamId, event.user)) {
      deps.logger.debug({ teamId, user: event.user }, 'reaction by a bot; ignored');
      return;
    }
    const actor: TaskActor = { teamId, userId: event.user, source: 'reaction' };
    const where = { channel: event.item.channel, user: event.user };
    const tell = (message: Parameters<typeof tellPrivately>[3]) =>
      tellPrivately(client, deps.logger, where, message);

    switch (action) {
      case 'claim':
        await claimAndTell(client, deps, actor, task, tell, workspace);
        return;
      case 'done': {
        if (!mayComplete(task, event.user)) {
          await tell(noteMessage(onlyOwnersMayComplete(task).message));
          return;
        }
        if (task.status === 'done') return;
        await afterTaskChange(
          client,
          deps,
          await completeTask(deps, actor, task.id),
          [event.user],
          workspace,
        );
        return;
      }
      case 'handoff': {
        if (task.assigneeId !== event.user) {
          await tell(
            noteMessage(
              `Only the owner of ${taskRef(task)} can hand it off; ask ${task.assigneeId ? `<@${task.assigneeId}>` : 'whoever claims it'}.`,
            ),
          );
          return;
        }
        await sendDm(client, deps.logger, event.user, handoffPicker(task));
        return;
      }
      case 'block': {
        if (task.status !== 'open') return;
        const blocked = await blockTask(deps, actor, task.id, null);
        await afterTaskChange(client, deps, blocked, [event.user], workspace);
        await client.chat.postMessage({
          channel: event.item.channel,
          thread_ts: event.item.ts,
          ...blockedQuestion(blocked, event.user),
        });
        return;
      }
      case 'snooze': {
        if (task.status === 'done') return;
        const snoozed = await snoozeTask(deps, actor, task.id);
        await tell(noteMessage(`Nudges about ${taskRef(snoozed)} are snoozed for a day.`));
        return;
      }
    }
  };
}

/** Taking the claim emoji back releases the task, if the person who removed it owns it. */
export function reactionRemoved(deps: Deps) {
  return async function handleReactionRemoved({ event, context, client }: RemovedArgs): Promise<void> {
    const teamId = teamIdOf(context);
    const workspace = await loadWorkspace(deps, teamId);
    if (reactionFor(event.reaction, workspace.emoji) !== 'claim') return;
    const task = await reactedTask(deps, teamId, event.item);
    if (!task) return;
    const released = await releaseTask(deps, { teamId, userId: event.user, source: 'reaction' }, task.id);
    if (!released) return;
    await afterTaskChange(client, deps, released, [event.user], workspace);
    await tellPrivately(
      client,
      deps.logger,
      { channel: event.item.channel, user: event.user },
      noteMessage(`You released ${taskRef(released)}; it is unclaimed again.`),
    );
  };
}
