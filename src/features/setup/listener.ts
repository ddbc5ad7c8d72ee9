import type {
  AllMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { publishHome } from '../../core/home/publish.js';
import { candidatesMessage, ownershipMessage } from '../../core/ownership/views.js';
import { whoOwns } from '../../core/ownership/who-owns.js';
import { loadWorkspace, type WorkspaceSettings } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { parseTandemCommand, type TandemCommand } from '../../domain/tandem-command.js';
import { orThrow } from '../../domain/user-error.js';
import { isWorkspaceAdmin } from '../../slack/admin.js';
import { teamIdOf } from '../../slack/command-context.js';
import { sendDm } from '../../slack/dm.js';
import {
  assertMaySetUp,
  emojiPatch,
  maySetUp,
  type SettingsPatch,
  setMemberDiscipline,
  updateSettings,
} from './service.js';
import { parseSetupSubmission } from './submission.js';
import {
  disciplineSetMessage,
  SETUP_FIELDS,
  settingsChangedMessage,
  settingsMessage,
  setupModal,
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

/** Asks Slack only when the answer decides anything: after the first setup, for anyone but its author. */
function adminIfItMatters(
  client: CommandArgs['client'],
  workspace: WorkspaceSettings,
  userId: string,
): Promise<boolean> {
  if (workspace.setupAt === null || workspace.setupBy === userId) return Promise.resolve(false);
  return isWorkspaceAdmin(client, userId);
}

/** `/tandem …`: help, who-owns, settings, and the admin setup (modal or typed). */
export function tandemCommand(deps: Deps) {
  return async function handleTandemCommand({
    ack,
    command,
    respond,
    context,
    client,
  }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseTandemCommand(command.text));
    const teamId = teamIdOf(context, command);
    const privately = (message: { text: string; blocks: unknown[] }) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);

    switch (parsed.type) {
      case 'help':
        await privately(tandemHelpMessage());
        return;
      case 'who-owns': {
        const answer = await whoOwns(deps, teamId, parsed.query);
        await privately(
          answer.kind === 'one'
            ? ownershipMessage(answer, deps.clock.now())
            : candidatesMessage(answer.initiatives, answer.words),
        );
        return;
      }
      case 'settings':
        await privately(settingsMessage(await loadWorkspace(deps, teamId)));
        return;
      case 'setup': {
        const workspace = await loadWorkspace(deps, teamId);
        const isAdmin = await adminIfItMatters(client, workspace, command.user_id);
        assertMaySetUp(workspace, { teamId, userId: command.user_id, isAdmin });
        await client.views.open({
          trigger_id: command.trigger_id,
          view: setupModal(workspace, { channelId: command.channel_id }),
        });
        return;
      }
      case 'set': {
        const { setting } = parsed;
        if (setting.key === 'my-discipline') {
          // Personal, not a workspace setting: anyone sets their own.
          await setMemberDiscipline(deps, teamId, command.user_id, setting.discipline);
          await privately(disciplineSetMessage(setting.discipline));
          await publishHome(client, deps, teamId, command.user_id);
          return;
        }
        const workspace = await loadWorkspace(deps, teamId);
        const isAdmin = await adminIfItMatters(client, workspace, command.user_id);
        assertMaySetUp(workspace, { teamId, userId: command.user_id, isAdmin });
        const { patch, what } = describeSetting(setting, workspace);
        const updated = await updateSettings(deps, { teamId, userId: command.user_id, isAdmin }, patch);
        await respond({
          response_type: 'in_channel',
          ...settingsChangedMessage(updated, command.user_id, what),
        } as Parameters<typeof respond>[0]);
        return;
      }
    }
  };
}

/** The setup modal's Save: field errors go back into the modal; success is confirmed by DM. */
export function setupSubmission(deps: Deps) {
  return async function handleSetupSubmission({ ack, view, body, context, client }: ViewArgs): Promise<void> {
    const submission = parseSetupSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    const teamId = teamIdOf(context);
    const userId = body.user.id;
    const workspace = await loadWorkspace(deps, teamId);
    const isAdmin = await adminIfItMatters(client, workspace, userId);
    const actor = { teamId, userId, isAdmin };
    if (!maySetUp(workspace, actor)) {
      // A modal must be answered in the modal, or Slack shows a generic connection error.
      await ack({
        response_action: 'errors',
        errors: { [SETUP_FIELDS.prLeads.block]: 'Only workspace admins can change Tandem’s settings now.' },
      });
      return;
    }
    await ack();
    const updated = await updateSettings(deps, actor, submission.patch);
    await sendDm(client, deps.logger, userId, settingsChangedMessage(updated, userId, 'settings'));
  };
}
