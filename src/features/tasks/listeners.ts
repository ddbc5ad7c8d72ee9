import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import type { GenericMessageEvent } from '@slack/types';
import { recordBlockedReason } from '../../core/stores/task-updates.js';
import { findTask } from '../../core/stores/tasks.js';
import { taskRef } from '../../core/task-messages/views.js';
import { teamOf } from '../../core/team-context.js';
import { workRequest } from '../../core/work/request.js';
import { changeTask, type TaskChange } from '../../core/work/task-changes.js';
import { afterTaskChange } from '../../core/work/task-sync.js';
import type { Deps } from '../../deps.js';
import { slackTextToPlain } from '../../domain/commands/slack-refs.js';
import { parseTaskCommand, TASK_USAGE, type TaskCommand } from '../../domain/tasks/task-command.js';
import { parseTaskNumber } from '../../domain/tasks/task-ref.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendDm } from '../../slack/dm.js';
import { explainPostFailure } from '../../slack/post-errors.js';
import { privately } from '../../slack/reply.js';
import { addTask, claimAndTell, tasksToList } from './service.js';
import {
  handedOffMessage,
  noteMessage,
  taskChangedMessage,
  taskHelpMessage,
  taskListMessage,
  youNowOwnTaskMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;
type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;
type OnTask = Exclude<TaskCommand, { type: 'help' | 'add' | 'list' | 'claim' }>;

/** What each `/task <verb> T4 …` changes, and how the confirmation says it. */
function changeOf(parsed: OnTask): [TaskChange, (userId: string) => string] {
  switch (parsed.type) {
    case 'release':
      return [{ kind: 'release' }, () => 'released'];
    case 'done':
      return [{ kind: 'done' }, () => 'marked done'];
    case 'assign':
      return [{ kind: 'assign', to: parsed.userId }, () => `assigned <@${parsed.userId}>`];
    case 'block':
      return [{ kind: 'block', reason: parsed.reason ?? null }, () => 'marked blocked'];
    case 'unblock':
      return [{ kind: 'unblock' }, () => 'unblocked'];
    case 'snooze':
      return [{ kind: 'snooze' }, () => 'snoozed'];
  }
}

/** `/task …`: add posts the task message people react to; every change re-renders it in place. */
export function taskCommand(deps: Deps) {
  return async function handleTaskCommand(args: CommandArgs): Promise<void> {
    const { command, respond } = args;
    const parsed = orThrow(parseTaskCommand(command.text));
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const reply = privately(respond);
    switch (parsed.type) {
      case 'help':
        return reply(taskHelpMessage(req.team.emoji));
      case 'list': {
        const { tasks, total } = await tasksToList(req, parsed.filter);
        const view = { now: deps.clock.now(), timezone: req.team.timezone, emoji: req.team.emoji };
        return reply(taskListMessage(tasks, total, parsed.filter, view));
      }
      case 'add': {
        const { saved, error, channel } = await addTask(req, parsed, command.channel_id);
        const [task] = saved;
        if (!task) throw explainPostFailure(error, channel, TASK_USAGE.add);
        await reply(
          noteMessage(
            `Added ${taskRef(task)} in <#${channel}>. People claim it by reacting :${req.team.emoji.claim}: there.`,
          ),
        );
        if (task.assigneeId && task.assigneeId !== req.userId)
          await sendDm(args.client, deps.logger, task.assigneeId, youNowOwnTaskMessage(task, req.userId));
        return;
      }
      case 'claim':
        return claimAndTell(req, await findTask(deps, req.team.teamId, parsed.task), reply);
      default: {
        const task = await findTask(deps, req.team.teamId, parsed.task);
        const [change, what] = changeOf(parsed);
        const result = await changeTask(req, task, change);
        if (change.kind === 'snooze')
          return reply(noteMessage(`Nudges about ${taskRef(result.task)} are snoozed for a day.`));
        await reply(taskChangedMessage(result.task, req.userId, what(req.userId)));
        if (change.kind === 'assign' && change.to !== req.userId)
          await sendDm(args.client, deps.logger, change.to, youNowOwnTaskMessage(result.task, req.userId));
      }
    }
  };
}

/** The Claim button, on task messages and in the App Home: the same claim as the ✋ reaction. */
export function claimButtonPressed(deps: Deps) {
  return async function handleClaimButton(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const channel = body.container?.type === 'message' ? body.channel?.id : undefined;
    const req = await workRequest(deps, args, body.user.id, 'button', channel);
    const task = await findTask(deps, req.team.teamId, orThrow(parseTaskNumber(action.value ?? '')));
    // From a message, answer privately under it; from the App Home, which has no thread, by DM.
    const tell = async (message: SlackMessage) => {
      if (channel) await privately(respond, { keepOriginal: true })(message);
      else await sendDm(client, deps.logger, body.user.id, message);
    };
    await claimAndTell(req, task, tell);
  };
}

/** The handoff DM's person picker: the owner chose who takes over. */
export function handoffPicked(deps: Deps) {
  return async function handleHandoffPick(args: SelectArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button');
    const number = orThrow(parseTaskNumber(action.block_id.replace(/^task_handoff:/, '')));
    const task = await findTask(deps, req.team.teamId, number);
    if (action.selected_user === task.assigneeId)
      throw new UserError(`<@${action.selected_user}> already owns ${taskRef(task)}; pick someone else.`);
    const { task: handed, previousOwnerId } = await changeTask(req, task, {
      kind: 'handoff',
      to: action.selected_user,
    });
    await respond({ replace_original: true, ...handedOffMessage(handed, previousOwnerId) });
    await sendDm(client, deps.logger, action.selected_user, youNowOwnTaskMessage(handed, body.user.id));
  };
}

/**
 * After 🚧, Tandem asks in the task's thread what is blocking it; the blocker's first reply there
 * becomes the reason. Every other message is none of Tandem's business and is dropped at once.
 */
export function threadReply(deps: Deps) {
  return async function handleThreadReply({ message, context, client }: MessageArgs): Promise<void> {
    const m = message as GenericMessageEvent;
    if (m.subtype !== undefined || !m.thread_ts || m.thread_ts === m.ts || !m.text || !m.user) return;
    const team = await teamOf(context);
    const reason = slackTextToPlain(m.text);
    const task = await recordBlockedReason(deps, team.teamId, m.channel, m.thread_ts, m.user, reason);
    if (task) afterTaskChange(client, deps, task, [m.user]);
  };
}
