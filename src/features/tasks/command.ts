import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { publishHomes } from '../../core/home/publish.js';
import {
  blockTask,
  completeTask,
  draftTask,
  findTask,
  listTasks,
  mayComplete,
  onlyOwnersMayComplete,
  reassignTask,
  releaseTask,
  snoozeTask,
  type TaskActor,
  unblockTask,
} from '../../core/stores/tasks.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import { taskRef } from '../../core/task-messages/views.js';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { parseTaskCommand, TASK_USAGE, type TaskCommand } from '../../domain/task-command.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import { explainPostFailure } from '../../slack/post-errors.js';
import { claimAndTell } from './claim-flow.js';
import {
  noteMessage,
  taskChangedMessage,
  taskHelpMessage,
  taskListMessage,
  youNowOwnTaskMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type OnTask = Exclude<TaskCommand, { type: 'help' | 'add' | 'list' }>;

/** `/task …`: add posts the task message people react to; every change re-renders it in place. */
export function taskCommand(deps: Deps) {
  return async function handleTaskCommand({
    ack,
    command,
    respond,
    context,
    client,
  }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseTaskCommand(command.text));
    const actor: TaskActor = {
      teamId: teamIdOf(context, command),
      userId: command.user_id,
      source: 'command',
    };
    const privately = (message: SlackMessage) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);

    if (parsed.type === 'help') {
      await privately(taskHelpMessage((await loadWorkspace(deps, actor.teamId)).emoji));
      return;
    }
    if (parsed.type === 'list') {
      const { tasks, total, workspace } = await listTasks(deps, actor, parsed.filter);
      await privately(
        taskListMessage(tasks, total, parsed.filter, {
          now: deps.clock.now(),
          timezone: workspace.timezone,
          emoji: workspace.emoji,
        }),
      );
      return;
    }
    if (parsed.type === 'add') {
      const { draft, workspace } = await draftTask(deps, actor, parsed);
      const channel = draft.initiative.channelId ?? command.channel_id;
      const { saved, error } = await postTaskDrafts(client, deps, actor, workspace, [draft], channel);
      const [task] = saved;
      if (!task) throw explainPostFailure(error, channel, TASK_USAGE.add);
      await privately(
        noteMessage(
          `Added ${taskRef(task)} in <#${channel}>. People claim it by reacting :${workspace.emoji.claim}: there.`,
        ),
      );
      if (task.assigneeId && task.assigneeId !== actor.userId) {
        await sendDm(client, deps.logger, task.assigneeId, youNowOwnTaskMessage(task, actor.userId));
      }
      await publishHomes(client, deps, actor.teamId, [task.assigneeId]);
      return;
    }
    await changeTask(deps, actor, parsed, client, privately);
  };
}

async function changeTask(
  deps: Deps,
  actor: TaskActor,
  parsed: OnTask,
  client: CommandArgs['client'],
  privately: (message: SlackMessage) => Promise<unknown>,
): Promise<void> {
  const task = await findTask(deps, actor.teamId, parsed.task);
  switch (parsed.type) {
    case 'claim':
      await claimAndTell(client, deps, actor, task, async (message) => {
        await privately(message);
      });
      return;
    case 'release': {
      const released = await releaseTask(deps, actor, task.id);
      if (!released)
        throw new UserError(
          `You do not own ${taskRef(task)}, so there is nothing to release.`,
          TASK_USAGE.release.usage,
          TASK_USAGE.release.example,
        );
      await afterTaskChange(client, deps, released, [actor.userId]);
      await privately(taskChangedMessage(released, actor.userId, 'released'));
      return;
    }
    case 'done': {
      if (!mayComplete(task, actor.userId)) throw onlyOwnersMayComplete(task);
      const done = await completeTask(deps, actor, task.id);
      await afterTaskChange(client, deps, done, [actor.userId]);
      await privately(taskChangedMessage(done, actor.userId, 'marked done'));
      return;
    }
    case 'assign': {
      const { task: assigned, previousOwnerId } = await reassignTask(
        deps,
        actor,
        task.id,
        parsed.userId,
        'assigned',
      );
      await afterTaskChange(client, deps, assigned, [previousOwnerId, actor.userId]);
      await privately(taskChangedMessage(assigned, actor.userId, `assigned <@${parsed.userId}>`));
      if (parsed.userId !== actor.userId)
        await sendDm(client, deps.logger, parsed.userId, youNowOwnTaskMessage(assigned, actor.userId));
      return;
    }
    case 'block': {
      const blocked = await blockTask(deps, actor, task.id, parsed.reason ?? null);
      await afterTaskChange(client, deps, blocked, [actor.userId]);
      await privately(taskChangedMessage(blocked, actor.userId, 'marked blocked'));
      return;
    }
    case 'unblock': {
      const unblocked = await unblockTask(deps, actor, task.id);
      if (!unblocked)
        throw new UserError(
          `${taskRef(task)} is not blocked.`,
          TASK_USAGE.unblock.usage,
          TASK_USAGE.unblock.example,
        );
      await afterTaskChange(client, deps, unblocked, [actor.userId]);
      await privately(taskChangedMessage(unblocked, actor.userId, 'unblocked'));
      return;
    }
    case 'snooze': {
      const snoozed = await snoozeTask(deps, actor, task.id);
      await privately(noteMessage(`Nudges about ${taskRef(snoozed)} are snoozed for a day.`));
      return;
    }
  }
}
