import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { parseDigestCommand } from '../../domain/digest-command.js';
import { orThrow } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { queuedCommand } from '../../slack/command-queue.js';
import { setPersonalDigest } from './personal.js';
import { gatherDigest } from './service.js';
import {
  digestHelpMessage,
  digestMessage,
  digestSettingsMessage,
  personalDigestSetMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/digest now`: today's digest as it would be posted, only for the person who asked. */
export function digestCommand(deps: Deps) {
  return async function handleDigestCommand({ ack, command, respond, context }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseDigestCommand(command.text));
    const privately = (message: SlackMessage) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);
    if (parsed.type === 'help') {
      await privately(digestHelpMessage());
      return;
    }
    if (parsed.type === 'settings') {
      // The settings live with the rest of Tandem's; this shows them and how admins change them.
      await privately(digestSettingsMessage(await loadWorkspace(deps, teamIdOf(context, command))));
      return;
    }
    if (parsed.type === 'me') {
      await setPersonalDigest(deps, teamIdOf(context, command), command.user_id, parsed.on);
      await privately(personalDigestSetMessage(parsed.on));
      return;
    }
    const now = deps.clock.now();
    const data = await gatherDigest(deps, teamIdOf(context, command), now);
    await privately(digestMessage(data, { now, timezone: data.workspace.timezone }));
  };
}

export function register(app: App, deps: Deps): void {
  app.command('/digest', queuedCommand(deps, digestCommand(deps)));
}
