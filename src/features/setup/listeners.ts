import type {
  AllMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { publishHome } from '../../core/home/publish.js';
import { candidatesMessage, ownershipMessage } from '../../core/ownership/views.js';
import { whoOwnsFor } from '../../core/ownership/who-owns.js';
import { isAllowed } from '../../core/permissions.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand, TANDEM_USAGE, type TandemCommand } from '../../domain/setup/tandem-command.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendDm } from '../../slack/dm.js';
import { platformError, privately } from '../../slack/reply.js';
import { timedOut } from '../../slack/timed-out.js';
import { exportCommand } from './export.js';
import {
  changeSettings,
  emojiPatch,
  ensureSettingsAllowed,
  type SettingsPatch,
  setMemberDiscipline,
} from './service.js';
import { parseSetupSubmission } from './submission.js';
import {
  disciplineSetMessage,
  SETUP_FIELDS,
  settingChangedLine,
  settingsChangedMessage,
  settingsMessage,
  settingValue,
  setupModal,
  setupSlowMessage,
  tandemHelpMessage,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

type Setting = Extract<TandemCommand, { type: 'set' }>['setting'];

/** The patch a typed setting makes, and how to name it in the confirmation. */
function describeSetting(
  setting: Exclude<Setting, { key: 'my-discipline' }>,
  workspace: WorkspaceSettings,
): { patch: SettingsPatch; what: string } {
  switch (setting.key) {
    case 'pr-leads':
      return { patch: { prLeads: setting.userIds }, what: 'PR leads' };
    case 'social-leads':
      return { patch: { socialLeads: setting.userIds }, what: 'social leads' };
    case 'admins':
      return { patch: { tandemAdmins: setting.userIds }, what: 'Tandem admins' };
    case 'digest-channel':
      return { patch: { digestChannel: setting.channelId }, what: 'digest channel' };
    case 'digest-time':
      return { patch: { digestTime: setting.time }, what: 'digest time' };
    case 'timezone':
      return { patch: { timezone: setting.timezone }, what: 'time zone' };
    case 'workload':
      return { patch: { workloadThreshold: setting.threshold }, what: 'workload warning' };
    case 'quiet-hours':
      return { patch: { quietStart: setting.start, quietEnd: setting.end }, what: 'quiet hours' };
    case 'nudge-windows':
      return { patch: { nudgeWindows: setting.days }, what: 'nudge windows' };
    case 'draft-approvers':
      return { patch: { draftApprovers: setting.approvers }, what: 'draft approvers' };
    case 'emoji':
      return {
        patch: emojiPatch(workspace, setting.reaction, setting.emoji),
        what: `${setting.reaction} emoji`,
      };
  }
}

/**
 * Opens the setup form. Slack allows a few seconds from the command: a trigger that expired
 * meanwhile cannot be retried, only the command, and the person is told so. An open that timed
 * out has most likely shown the form; in case it did not, they are told how to get it.
 */
async function openSetupForm(
  deps: Deps,
  client: WebClient,
  triggerId: string,
  view: ModalView,
  reply: (message: SlackMessage) => Promise<void>,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    if (timedOut(error)) {
      deps.logger.warn({ err: error }, 'Slack answered the setup form too late; it may not have opened');
      await reply(setupSlowMessage());
      return;
    }
    if (platformError(error) !== 'expired_trigger_id') throw error;
    const { usage, example } = TANDEM_USAGE.setup;
    throw new UserError(
      'Slack took too long to open the setup form, and it can only be opened right after the command. Nothing was changed: run it again, or set one thing at a time with `/tandem set`.',
      usage,
      example,
    );
  }
}

/** `/tandem …`: help, who-owns, settings, and the admin setup (modal or typed). */
export function tandemCommand(deps: Deps) {
  const exportWorkspace = exportCommand(deps);
  return async function handleTandemCommand(args: CommandArgs): Promise<void> {
    const { command, respond, client } = args;
    const parsed = orThrow(parseTandemCommand(command.text));
    // The export asks its own questions of the policy and Slack.
    if (parsed.type === 'export') return exportWorkspace(args);
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const reply = privately(respond);

    switch (parsed.type) {
      case 'help':
        return reply(tandemHelpMessage());
      case 'who-owns': {
        const answer = await whoOwnsFor(req, parsed.query);
        return reply(
          answer.kind === 'one'
            ? ownershipMessage(answer, deps.clock.now())
            : candidatesMessage(answer.initiatives, answer.words),
        );
      }
      case 'settings':
        return reply(settingsMessage(req.team));
      case 'setup': {
        ensureSettingsAllowed(req.team, await whoAsks(req), {});
        const form = setupModal(req.team, { channelId: command.channel_id });
        await openSetupForm(deps, client, command.trigger_id, form, reply);
        return;
      }
      case 'set': {
        const { setting } = parsed;
        if (setting.key === 'my-discipline') {
          // Personal, not a workspace setting: anyone sets their own.
          await setMemberDiscipline(deps, req.team.teamId, req.userId, setting.discipline);
          await reply(disciplineSetMessage(setting.discipline));
          await publishHome(client, deps, req.team.teamId, req.userId);
          return;
        }
        const { patch, what } = describeSetting(setting, req.team);
        await changeSettings(req, patch);
        await respond({
          response_type: 'in_channel',
          ...settingChangedLine(req.userId, what, settingValue(setting)),
        });
        return;
      }
    }
  };
}

/** The setup modal's Save: field errors go back into the modal; success is confirmed by DM. */
export function setupSubmission(deps: Deps) {
  return async function handleSetupSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body, client } = args;
    const submission = parseSetupSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const actor = await whoAsks(req);
    if (!isAllowed({ action: 'settings.change', actor, team: req.team })) {
      // A modal must be answered in the modal, or Slack shows a generic connection error.
      await ack({
        response_action: 'errors',
        errors: {
          [SETUP_FIELDS.prLeads.block]:
            'Only workspace admins and Tandem admins can change Tandem’s settings now.',
        },
      });
      return;
    }
    await ack();
    const updated = await changeSettings(req, submission.patch);
    await sendDm(client, deps.logger, req.userId, settingsChangedMessage(updated, req.userId, 'settings'));
  };
}
