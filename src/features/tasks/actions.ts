import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { findTask, reassignTask, type TaskActor } from '../../core/stores/tasks.js';
import { afterTaskChange } from '../../core/task-messages/sync.js';
import type { Deps } from '../../deps.js';
import { parseTaskNumber } from '../../domain/task-ref.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import { claimAndTell } from './claim-flow.js';
import { handedOffMessage, youNowOwnTaskMessage } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;

/** The Claim button, on task messages and in the App Home: the same claim as the ✋ reaction. */
export function claimButtonPressed(deps: Deps) {
  return async function handleClaimButton({
    ack,
    action,
    body,
    context,
    client,
    respond,
  }: ButtonArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const task = await findTask(deps, teamId, orThrow(parseTaskNumber(action.value ?? '')));
    const actor: TaskActor = { teamId, userId: body.user.id, source: 'button' };
    // From a message, answer privately under it; from the App Home, which has no thread, by DM.
    const tell = async (message: SlackMessage) => {
      if (body.container?.type === 'message')
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      else await sendDm(client, deps.logger, body.user.id, message);
    };
    await claimAndTell(client, deps, actor, task, tell);
  };
}

/** The handoff DM's person picker: the owner chose who takes over. */
export function handoffPicked(deps: Deps) {
  return async function handleHandoffPick({
    ack,
    action,
    body,
    context,
    client,
    respond,
  }: SelectArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const number = orThrow(parseTaskNumber(action.block_id.replace(/^task_handoff:/, '')));
    const task = await findTask(deps, teamId, number);
    if (action.selected_user === body.user.id)
      throw new UserError('Pick someone else to take over; you already own it.');
    const actor: TaskActor = { teamId, userId: body.user.id, source: 'button' };
    const { task: handed, previousOwnerId } = await reassignTask(
      deps,
      actor,
      task.id,
      action.selected_user,
      'handoff',
    );
    await afterTaskChange(client, deps, handed, [previousOwnerId]);
    await respond({ replace_original: true, ...handedOffMessage(handed, previousOwnerId) });
    await sendDm(client, deps.logger, action.selected_user, youNowOwnTaskMessage(handed, body.user.id));
  };
}
