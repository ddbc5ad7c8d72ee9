import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { savePersonalDigest } from '../../core/stores/members.js';
import { teamOf } from '../../core/team-context.js';
import type { Deps } from '../../deps.js';
import { parseDigestCommand } from '../../domain/digest/digest-command.js';
import { orThrow } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { gatherDigest, personReading } from './service.js';
import {
  digestHelpMessage,
  digestMessage,
  digestSettingsMessage,
  personalDigestSetMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/digest now`: today's digest as it would be posted, only for the person who asked. */
export function digestCommand(deps: Deps) {
  return async function handleDigestCommand(args: CommandArgs): Promise<void> {
    const { ack, command, respond, context, client } = args;
    await ack();
    const parsed = orThrow(parseDigestCommand(command.text));
    const privately = (message: SlackMessage) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);
    if (parsed.type === 'help') {
      await privately(digestHelpMessage());
      return;
    }
    const team = await teamOf(context);
    if (parsed.type === 'settings') {
      // The settings live with the rest of Tandem's; this shows them and how admins change them.
      await privately(digestSettingsMessage(team));
      return;
    }
    if (parsed.type === 'me') {
      await savePersonalDigest(deps, team.teamId, command.user_id, parsed.on);
      await privately(personalDigestSetMessage(parsed.on));
      return;
    }
    const now = deps.clock.now();
    // Only what the asker may see: it is shown to them alone, wherever they typed it.
    const reader = personReading({
      deps,
      client,
      team,
      userId: command.user_id,
      channelId: command.channel_id,
    });
    const data = await gatherDigest(deps, team.teamId, now, reader);
    await privately(digestMessage(data, { now, timezone: data.workspace.timezone }));
  };
}
