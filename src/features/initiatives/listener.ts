import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { parseInitiativeCommand } from '../../domain/initiative-command.js';
import { orThrow } from '../../domain/user-error.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import { loadWorkspace } from '../setup/workspace-service.js';
import { addInitiative, changeOwner, findInitiative, listInitiatives, setDue, setStatus } from './service.js';
import {
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
        await inChannel(
          createdMessage(result.initiative, result.workspace, actor.userId, result.suggestion, ctx),
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
        return;
      }
      case 'status': {
        const initiative = await setStatus(deps, actor, parsed.number, parsed.status);
        await inChannel(statusChangedMessage(initiative, actor.userId));
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
