import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { tandemIsIn } from '../../core/channels.js';
import { refreshHome } from '../../core/home/publish.js';
import { whoOwnsMessage } from '../../core/ownership/views.js';
import { whoOwnsFor } from '../../core/ownership/who-owns.js';
import { isAllowed } from '../../core/permissions.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand, type TandemCommand } from '../../domain/setup/tandem-command.js';
import { orThrow } from '../../domain/user-error.js';
import { sendDm } from '../../slack/dm.js';
import { openForm, type Reopen } from '../../slack/forms.js';
import { privately } from '../../slack/reply.js';
import { exportCommand } from './export.js';
import { tandemFullHelpMessage, tandemHelpMessage } from './help-views.js';
import {
  changeSettings,
  emojiPatch,
  ensureSettingsAllowed,
  type SettingsPatch,
  setMemberDiscipline,
} from './service.js';
import { readStatus } from './status.js';
import { statusMessage } from './status-views.js';
import { parseSetupSubmission } from './submission.js';
import {
  disciplineSetMessage,
  SETUP_FIELDS,
  SETUP_OPEN_ACTION,
  settingChangedLine,
  settingsChangedMessage,
  settingsMessage,
  settingValue,
  setupModal,
} from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

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
    case 'draft-approval':
      return { patch: { draftApproval: setting.approval }, what: 'draft approval rule' };
    case 'brand-hashtags':
      return { patch: { brandHashtags: setting.hashtags }, what: 'brand hashtags' };
    case 'brand-link':
      return { patch: { brandLink: setting.link }, what: 'brand link' };
    case 'voice':
      return { patch: { brandVoice: setting.voice }, what: 'brand voice' };
    case 'banned-words':
      return { patch: { bannedWords: setting.words }, what: 'banned words' };
    case 'emoji':
      return {
        patch: emojiPatch(workspace, setting.reaction, setting.emoji),
        what: `${setting.reaction} emoji`,
      };
  }
}

/** `/tandem …`: help, who-owns, settings, the admin setup (modal or typed) and status. */
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
        return reply(parsed.topic === 'all' ? tandemFullHelpMessage() : tandemHelpMessage());
      case 'who-owns': {
        return reply(whoOwnsMessage(await whoOwnsFor(req, parsed.query), deps.clock.now()));
      }
      case 'settings':
        return reply(settingsMessage(req.team));
      case 'status':
        return reply(statusMessage(await readStatus(req)));
      case 'setup': {
        ensureSettingsAllowed(req.team, await whoAsks(req), {});
        await openForm(
          client,
          respond,
          command.trigger_id,
          setupModal(req.team, { channelId: command.channel_id }),
          reopenSetup(command.channel_id),
        );
        return;
      }
      case 'set': {
        const { setting } = parsed;
        if (setting.key === 'my-discipline') {
          // Personal, not a workspace setting: anyone sets their own.
          await setMemberDiscipline(deps, req.team.teamId, req.userId, setting.discipline);
          await reply(disciplineSetMessage(setting.discipline));
          refreshHome(client, deps, req.team.teamId, req.userId);
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

/** The button that opens the setup form afresh, for the channel it was asked for in. */
const reopenSetup = (channelId: string): Reopen => ({
  actionId: SETUP_OPEN_ACTION,
  value: channelId,
  what: 'the setup form',
});

/** "Open the form", offered when the setup form could not open in time: asks the policy afresh. */
export function setupOpenAction(deps: Deps) {
  return async function handleSetupOpen(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    ensureSettingsAllowed(req.team, await whoAsks(req), {});
    const channelId = action.value || undefined;
    const view = setupModal(req.team, channelId ? { channelId } : {});
    if (
      (await openForm(client, respond, body.trigger_id, view, reopenSetup(action.value ?? ''))) === 'opened'
    ) {
      await respond({ delete_original: true });
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
    const { digestChannel } = submission.patch;
    if (digestChannel && (await tandemIsIn(client, digestChannel)) === false) {
      await ack({
        response_action: 'errors',
        errors: {
          [SETUP_FIELDS.digestChannel.block]:
            'Tandem is not in this channel yet, so no digest could be posted there. Type /invite @Tandem in it first, then save again.',
        },
      });
      return;
    }
    await ack();
    const updated = await changeSettings(req, submission.patch);
    await sendDm(client, deps.logger, req.userId, settingsChangedMessage(updated, req.userId, 'settings'));
  };
}
