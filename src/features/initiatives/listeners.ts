import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { findInitiative } from '../../core/stores/initiatives.js';
import { changeInitiative } from '../../core/work/initiative-changes.js';
import { workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { parseInitiativeCommand } from '../../domain/initiatives/initiative-command.js';
import { orThrow } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendDm } from '../../slack/dm.js';
import { privately } from '../../slack/reply.js';
import { add, list, show } from './service.js';
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

/** `/initiative …`: parse, ask the policy, act, confirm changes in the channel, answer queries privately. */
export function initiativeCommand(deps: Deps) {
  return async function handleInitiativeCommand(args: CommandArgs): Promise<void> {
    const { command, respond, client } = args;
    const parsed = orThrow(parseInitiativeCommand(command.text));
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const ctx = { now: deps.clock.now(), timezone: req.team.timezone };
    const inChannel = async (message: SlackMessage) => {
      await respond({ response_type: 'in_channel', ...message });
    };
    const reply = privately(respond);

    switch (parsed.type) {
      case 'help':
        return reply(helpMessage());
      case 'add': {
        const result = await add(
          req,
          { ...parsed, channelId: parsed.channelId ?? command.channel_id },
          Boolean(parsed.withChecklist),
        );
        const { initiative, suggestion, checklist } = result;
        await inChannel(createdMessage(initiative, req.team, req.userId, suggestion, ctx, checklist));
        if (initiative.ownerId && initiative.ownerId !== req.userId)
          await sendDm(
            client,
            deps.logger,
            initiative.ownerId,
            youNowOwnMessage(initiative, req.userId, undefined, ctx),
          );
        return;
      }
      case 'list': {
        const { initiatives, total } = await list(req, parsed.filter);
        return reply(listMessage(initiatives, total, parsed.filter, ctx));
      }
      case 'show': {
        const { initiative, history } = await show(req, parsed.number);
        return reply(detailMessage(initiative, req.team, ctx, history));
      }
      case 'assign':
      case 'handoff': {
        const current = await findInitiative(deps, req.team.teamId, parsed.number);
        const reason = parsed.type === 'handoff' ? parsed.reason : undefined;
        const change =
          parsed.type === 'assign'
            ? ({ kind: 'assign', to: parsed.userId } as const)
            : ({ kind: 'handoff', to: parsed.userId, reason } as const);
        const { initiative, previousOwnerId } = await changeInitiative(req, current, change);
        const what = parsed.type === 'assign' ? 'assigned' : 'handoff';
        await inChannel(ownerChangedMessage(initiative, what, req.userId, previousOwnerId, reason, ctx));
        if (parsed.userId !== req.userId)
          await sendDm(
            client,
            deps.logger,
            parsed.userId,
            youNowOwnMessage(initiative, req.userId, reason, ctx),
          );
        return;
      }
      case 'status': {
        const current = await findInitiative(deps, req.team.teamId, parsed.number);
        const { initiative } = await changeInitiative(req, current, {
          kind: 'status',
          status: parsed.status,
        });
        return inChannel(statusChangedMessage(initiative, req.userId));
      }
      case 'due': {
        const current = await findInitiative(deps, req.team.teamId, parsed.number);
        const { initiative } = await changeInitiative(req, current, { kind: 'due', due: parsed.due });
        return inChannel(dueChangedMessage(initiative, req.userId, ctx));
      }
    }
  };
}
