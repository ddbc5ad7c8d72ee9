import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tellPaced } from '../../core/outbound/private-notices.js';
import { isBot } from '../../core/people.js';
import { reactedTaskOf } from '../../core/requests/reacted-task.js';
import { findTaskByMessage, type TaskWithInitiative } from '../../core/stores/tasks.js';
import { taskRef } from '../../core/task-messages/views.js';
import { type WorkRequest, workRequest } from '../../core/work/request.js';
import { changeTask, ensureMayChange } from '../../core/work/task-changes.js';
import type { Deps } from '../../deps.js';
import { reactionFor } from '../../domain/tasks/reactions.js';
import { UserError } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendDm } from '../../slack/dm.js';
import { tellLost } from './lost-claims.js';
import { claimAndTell } from './service.js';
import { blockedQuestion, handoffPicker, noteMessage } from './views.js';

type AddedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;
type RemovedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_removed'>;
type ReactionEvent = AddedArgs['event'] | RemovedArgs['event'];

/** The task a reaction landed on, or null (logged at debug) for anything else. */
async function reactedTask(
  req: WorkRequest,
  event: ReactionEvent,
  context: Context,
): Promise<TaskWithInitiative | null> {
  const { item } = event;
  if (item.type !== 'message' || !item.channel || !item.ts) return null;
  // Read already, with the event's de-duplication record, when the event was recorded.
  const known = reactedTaskOf(context, item.channel, item.ts);
  const task =
    known !== undefined ? known : await findTaskByMessage(req.deps, req.team.teamId, item.channel, item.ts);
  if (!task)
    req.deps.logger.debug(
      { teamId: req.team.teamId, channel: item.channel, ts: item.ts },
      'reaction on a message that is not a task; ignored',
    );
  return task;
}

/**
 * A reaction has no reply of its own: refusals and confirmations go privately to the person
 * who reacted, in the channel where they did, queued in the workspace's paced lane for them.
 */
function privateTeller(deps: Deps, args: AddedArgs | RemovedArgs, teamId: string) {
  const where = { channel: args.event.item.channel, user: args.event.user };
  return async (message: SlackMessage) => tellPaced(deps, args.client, teamId, where, message);
}

/** Runs a reaction's work; a refusal (or another mistake) is told privately instead of thrown. */
async function tellingRefusals(tell: ReturnType<typeof privateTeller>, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    await tell(noteMessage(error.message));
  }
}

/** ✋ claims, ✅ completes, 🔁 hands off, 🚧 blocks, 💤 snoozes — with each workspace's own emoji. */
export function reactionAdded(deps: Deps) {
  return async function handleReactionAdded(args: AddedArgs): Promise<void> {
    const { event, client } = args;
    const req = await workRequest(deps, args, event.user, 'reaction', event.item.channel);
    const action = reactionFor(event.reaction, req.team.emoji);
    if (!action) return;
    const task = await reactedTask(req, event, args.context);
    if (!task) return;
    // Only a reaction that would change the task asks Slack who reacted: most reactions in a
    // claim race land on a task someone already holds, and are answered from the row alone.
    const changes = action !== 'claim' || (task.status !== 'done' && !task.assigneeId);
    if (changes && (await isBot(deps, client, req.team.teamId, event.user))) {
      deps.logger.debug({ teamId: req.team.teamId, user: event.user }, 'reaction by a bot; ignored');
      return;
    }
    const tell = privateTeller(deps, args, req.team.teamId);
    await tellingRefusals(tell, async () => {
      switch (action) {
        case 'claim':
          return claimAndTell(req, task, tell, (lostTo) =>
            tellLost(req, { channel: event.item.channel, user: event.user }, lostTo),
          );
        case 'done':
          if (task.status !== 'done') await changeTask(req, task, { kind: 'done' });
          return;
        case 'handoff': {
          if (!task.assigneeId) {
            await tell(noteMessage(`${taskRef(task)} is unclaimed; claim it instead of handing it off.`));
            return;
          }
          // Only the people who may hand it off get the picker; the pick asks the policy again.
          await ensureMayChange(req, task, { kind: 'handoff', to: event.user });
          await sendDm(client, deps.logger, event.user, handoffPicker(task));
          return;
        }
        case 'block': {
          if (task.status !== 'open') return;
          const { task: blocked } = await changeTask(req, task, { kind: 'block', reason: null });
          await client.chat.postMessage({
            channel: event.item.channel,
            thread_ts: event.item.ts,
            ...blockedQuestion(blocked, event.user),
          });
          return;
        }
        case 'snooze': {
          if (task.status === 'done') return;
          const { task: snoozed } = await changeTask(req, task, { kind: 'snooze' });
          await tell(noteMessage(`Nudges about ${taskRef(snoozed)} are snoozed for a day.`));
          return;
        }
      }
    });
  };
}

/**
 * Taking the claim emoji back releases the task when it was the owner's own claim. Anyone
 * else's reaction was never a claim (the task was taken already), so removing it changes nothing.
 */
export function reactionRemoved(deps: Deps) {
  return async function handleReactionRemoved(args: RemovedArgs): Promise<void> {
    const { event } = args;
    const req = await workRequest(deps, args, event.user, 'reaction', event.item.channel);
    if (reactionFor(event.reaction, req.team.emoji) !== 'claim') return;
    const task = await reactedTask(req, event, args.context);
    if (!task || task.assigneeId !== event.user || task.status === 'done') return;
    const { task: released } = await changeTask(req, task, { kind: 'release' });
    await privateTeller(
      deps,
      args,
      req.team.teamId,
    )(noteMessage(`You released ${taskRef(released)}; it is unclaimed again.`));
  };
}
