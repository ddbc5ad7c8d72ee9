import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { findInitiativeById } from '../../core/stores/initiatives.js';
import { findTaskById } from '../../core/stores/tasks.js';
import { changeInitiative } from '../../core/work/initiative-changes.js';
import { workRequest } from '../../core/work/request.js';
import { changeTask, claim } from '../../core/work/task-changes.js';
import type { Deps } from '../../deps.js';
import { UserError } from '../../domain/user-error.js';
import { type NudgeItem, nudgeHandledMessage } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;

const gone = () => new UserError('That item no longer exists in this workspace.');

/** The item a nudge's button refers to, always looked up inside the clicking user's workspace. */
async function itemFrom(deps: Deps, teamId: string, value: string): Promise<NudgeItem> {
  const [type, id] = value.split(':');
  if (!id) throw gone();
  if (type === 'task') {
    const task = await findTaskById(deps, teamId, id);
    if (!task) throw gone();
    return { type: 'task', task };
  }
  const initiative = await findInitiativeById(deps, teamId, id);
  if (!initiative) throw gone();
  return { type: 'initiative', initiative };
}

/** Mark done, Snooze, Claim: the nudge DM is replaced by what was done. */
export function nudgeButton(deps: Deps, action: 'done' | 'snooze' | 'claim') {
  return async function handleNudgeButton(args: ButtonArgs): Promise<void> {
    const { ack, action: button, body, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button');
    const item = await itemFrom(deps, req.team.teamId, button.value ?? '');
    let what: string;
    if (item.type === 'task') {
      const { task } = item;
      if (action === 'done') {
        await changeTask(req, task, { kind: 'done' });
        what = 'marked done by you';
      } else if (action === 'snooze') {
        await changeTask(req, task, { kind: 'snooze' });
        what = 'reminders snoozed for a day';
      } else {
        const outcome = await claim(req, task);
        if (outcome.kind !== 'claimed' && outcome.kind !== 'already-yours')
          throw new UserError('Someone else claimed it first.');
        what = 'claimed by you';
      }
    } else {
      const { initiative } = item;
      if (action === 'done') {
        await changeInitiative(req, initiative, { kind: 'status', status: 'done' });
        what = 'marked done by you';
      } else {
        await changeInitiative(req, initiative, { kind: 'assign', to: req.userId });
        what = 'now owned by you';
      }
    }
    await respond({ replace_original: true, ...nudgeHandledMessage(item, what) });
  };
}

/** Hand off from a nudge: the picked person becomes the owner. */
export function nudgeHandoff(deps: Deps) {
  return async function handleNudgeHandoff(args: SelectArgs): Promise<void> {
    const { ack, action, body, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button');
    const item = await itemFrom(deps, req.team.teamId, action.block_id.replace(/^nudge:/, ''));
    const to = action.selected_user;
    if (item.type === 'task') {
      const kind = item.task.assigneeId === req.userId ? 'handoff' : 'assign';
      await changeTask(req, item.task, { kind, to });
    } else {
      const kind = item.initiative.ownerId ? 'handoff' : 'assign';
      await changeInitiative(req, item.initiative, { kind, to });
    }
    await respond({ replace_original: true, ...nudgeHandledMessage(item, `handed to <@${to}>`) });
  };
}
