import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { publishHomes } from '../../core/home/publish.js';
import { changeOwner, setStatus } from '../../core/stores/initiatives.js';
import {
  claimTask,
  completeTask,
  mayComplete,
  onlyOwnersMayComplete,
  reassignTask,
  snoozeTask,
  type TaskActor,
} from '../../core/stores/tasks.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import type { Deps } from '../../deps.js';
import { UserError } from '../../domain/user-error.js';
import { teamIdOf } from '../../slack/command-context.js';
import { type NudgeItem, nudgeHandledMessage } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;

const gone = () => new UserError('That item no longer exists in this workspace.');

/** The item a nudge's button refers to, always looked up inside the clicking user's workspace. */
async function itemFrom(deps: Deps, teamId: string, value: string): Promise<NudgeItem> {
  const [type, id] = value.split(':');
  if (!id) throw gone();
  if (type === 'task') {
    const task = await deps.db.prisma.task.findFirst({
      where: { id, teamId },
      include: { initiative: true },
    });
    if (!task) throw gone();
    return { type: 'task', task };
  }
  const initiative = await deps.db.prisma.initiative.findFirst({ where: { id, teamId } });
  if (!initiative) throw gone();
  return { type: 'initiative', initiative };
}

/** Mark done, Snooze, Claim: the nudge DM is replaced by what was done. */
export function nudgeButton(deps: Deps, action: 'done' | 'snooze' | 'claim') {
  return async function handleNudgeButton({
    ack,
    action: button,
    body,
    context,
    client,
    respond,
  }: ButtonArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const userId = body.user.id;
    const actor: TaskActor = { teamId, userId, source: 'button' };
    const item = await itemFrom(deps, teamId, button.value ?? '');
    let what: string;
    if (item.type === 'task') {
      const { task } = item;
      if (action === 'done') {
        if (!mayComplete(task, userId)) throw onlyOwnersMayComplete(task);
        await afterTaskChange(client, deps, await completeTask(deps, actor, task.id), [userId]);
        what = 'marked done by you';
      } else if (action === 'snooze') {
        await snoozeTask(deps, actor, task.id);
        what = 'reminders snoozed for a day';
      } else {
        const outcome = await claimTask(deps, actor, task.id);
        if (outcome.kind !== 'claimed' && outcome.kind !== 'already-yours')
          throw new UserError('Someone else claimed it first.');
        await afterTaskChange(client, deps, outcome.task, [userId]);
        what = 'claimed by you';
      }
    } else {
      const { initiative } = item;
      if (action === 'done') {
        await setStatus(deps, actor, initiative.number, 'done');
        what = 'marked done by you';
      } else {
        await changeOwner(deps, actor, initiative.number, userId, 'assigned');
        what = 'now owned by you';
      }
      await publishHomes(client, deps, teamId, [userId, initiative.ownerId]);
    }
    await respond({ replace_original: true, ...nudgeHandledMessage(item, what) });
  };
}

/** Hand off from a nudge: the picked person becomes the owner. */
export function nudgeHandoff(deps: Deps) {
  return async function handleNudgeHandoff({
    ack,
    action,
    body,
    context,
    client,
    respond,
  }: SelectArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const userId = body.user.id;
    const actor: TaskActor = { teamId, userId, source: 'button' };
    const item = await itemFrom(deps, teamId, action.block_id.replace(/^nudge:/, ''));
    const to = action.selected_user;
    if (item.type === 'task') {
      const change = item.task.assigneeId === userId ? 'handoff' : 'assigned';
      const { task, previousOwnerId } = await reassignTask(deps, actor, item.task.id, to, change);
      await afterTaskChange(client, deps, task, [previousOwnerId, userId]);
    } else {
      const change = item.initiative.ownerId ? 'handoff' : 'assigned';
      await changeOwner(deps, actor, item.initiative.number, to, change);
      await publishHomes(client, deps, teamId, [to, item.initiative.ownerId]);
    }
    await respond({ replace_original: true, ...nudgeHandledMessage(item, `handed to <@${to}>`) });
  };
}
