import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { publishHomes } from '../../core/home/publish.js';
import {
  type Actor,
  type AddResult,
  addInitiative,
  changeOwner,
  findInitiative,
  listInitiatives,
  setDue,
  setStatus,
} from '../../core/stores/initiatives.js';
import { draftChecklist } from '../../core/stores/tasks.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { parseInitiativeCommand } from '../../domain/initiative-command.js';
import { orThrow } from '../../domain/user-error.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import {
  type ChecklistOutcome,
  createdMessage,
  detailMessage,
  dueChangedMessage,
  helpMessage,
  listMessage,
  ownerChangedMessage,
  statusChangedMessage,
  youNowOwnMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `--with-checklist`: the kind's checklist as task messages in the initiative's channel. The
 * initiative is already saved; if Slack refuses a message, the tasks posted so far are kept and
 * the confirmation says what went wrong instead of failing the whole command.
 */
async function postChecklist(
  client: CommandArgs['client'],
  deps: Deps,
  actor: Actor,
  result: AddResult,
): Promise<ChecklistOutcome> {
  const drafts = await draftChecklist(deps, result.workspace, result.initiative);
  const channel = result.initiative.channelId ?? '';
  const { saved, error } = await postTaskDrafts(
    client,
    deps,
    { ...actor },
    result.workspace,
    drafts,
    channel,
  );
  if (error === undefined) return { tasks: saved };
  const code = (error as { data?: { error?: string } }).data?.error ?? 'Slack refused the message';
  deps.logger.warn({ err: error, teamId: actor.teamId }, 'checklist not fully posted');
  return {
    tasks: saved,
    problem:
      `Tandem could not post ${saved.length === 0 ? 'the checklist' : 'the rest of the checklist'} in <#${channel}> (${code}). ` +
      `Invite it with \`/invite @Tandem\`, then add tasks with \`/task add ${result.initiative.number} "<title>"\`.`,
  };
}

/** `/initiative …`: parse, act, confirm changes in the channel, answer queries privately. */
export function initiativeCommand(deps: Deps) {
  return async function handleInitiativeCommand({
    ack,
    command,
    respond,
    context,
    client,
  }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseInitiativeCommand(command.text));
    const actor = { teamId: teamIdOf(context, command), userId: command.user_id, source: 'command' as const };
    const inChannel = (message: { text: string; blocks: unknown[] }) =>
      respond({ response_type: 'in_channel', ...message } as Parameters<typeof respond>[0]);
    const privately = (message: { text: string; blocks: unknown[] }) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);

    switch (parsed.type) {
      case 'help':
        await privately(helpMessage());
        return;
      case 'add': {
        const result = await addInitiative(deps, actor, {
          ...parsed,
          channelId: parsed.channelId ?? command.channel_id,
        });
        const ctx = { now: deps.clock.now(), timezone: result.workspace.timezone };
        const checklist = parsed.withChecklist ? await postChecklist(client, deps, actor, result) : undefined;
        await inChannel(
          createdMessage(
            result.initiative,
            result.workspace,
            actor.userId,
            result.suggestion,
            ctx,
            checklist,
          ),
        );
        const owner = result.initiative.ownerId;
        if (owner && owner !== actor.userId) {
          await sendDm(
            client,
            deps.logger,
            owner,
            youNowOwnMessage(result.initiative, actor.userId, undefined, ctx),
          );
        }
        await publishHomes(client, deps, actor.teamId, [owner]);
        return;
      }
      case 'list': {
        const { initiatives, total, workspace } = await listInitiatives(deps, actor, parsed.filter);
        await privately(
          listMessage(initiatives, total, parsed.filter, {
            now: deps.clock.now(),
            timezone: workspace.timezone,
          }),
        );
        return;
      }
      case 'show': {
        const initiative = await findInitiative(deps, actor.teamId, parsed.number);
        const workspace = await loadWorkspace(deps, actor.teamId);
        await privately(
          detailMessage(initiative, workspace, { now: deps.clock.now(), timezone: workspace.timezone }),
        );
        return;
      }
      case 'assign':
      case 'handoff': {
        const change = parsed.type === 'assign' ? 'assigned' : 'handoff';
        const reason = parsed.type === 'handoff' ? parsed.reason : undefined;
        const result = await changeOwner(deps, actor, parsed.number, parsed.userId, change, reason);
        const ctx = { now: deps.clock.now(), timezone: result.workspace.timezone };
        await inChannel(
          ownerChangedMessage(result.initiative, change, actor.userId, result.previousOwnerId, reason, ctx),
        );
        if (parsed.userId !== actor.userId) {
          await sendDm(
            client,
            deps.logger,
            parsed.userId,
            youNowOwnMessage(result.initiative, actor.userId, reason, ctx),
          );
        }
        await publishHomes(client, deps, actor.teamId, [parsed.userId, result.previousOwnerId]);
        return;
      }
      case 'status': {
        const initiative = await setStatus(deps, actor, parsed.number, parsed.status);
        await inChannel(statusChangedMessage(initiative, actor.userId));
        await publishHomes(client, deps, actor.teamId, [initiative.ownerId]);
        return;
      }
      case 'due': {
        const result = await setDue(deps, actor, parsed.number, parsed.due);
        await inChannel(
          dueChangedMessage(result.initiative, actor.userId, {
            now: deps.clock.now(),
            timezone: result.workspace.timezone,
          }),
        );
        return;
      }
    }
  };
}
