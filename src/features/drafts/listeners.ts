import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { ensureAllowed, isAllowed } from '../../core/permissions.js';
import { weekData } from '../../core/release-card/week.js';
import { draftById, isCurrent } from '../../core/stores/drafts.js';
import { findRelease, findReleaseById, releaseById } from '../../core/stores/releases.js';
import { channelOf, releaseFacts, type WorkRequest, whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import {
  formatReleaseRef,
  parseDraftCommand,
  parseShortcutRelease,
} from '../../domain/drafts/draft-command.js';
import type { Network } from '../../domain/drafts/types.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import { openForm } from '../../slack/forms.js';
import { draftSlotRefusal, takeDraftSlot } from '../../slack/rate-limits.js';
import { privately } from '../../slack/reply.js';
import { ensureMayDraftIn, openDraftForm } from './draft-form.js';
import { type DraftModalMetadata, editModal, MODAL_TEXT_MAX } from './modals.js';
import {
  assertCurrent,
  draftFromForm,
  draftRelease,
  findDraft,
  regenerate,
  saveEdit,
  saveTypedRelease,
} from './service.js';
import { parseDraftMetadata, parseDraftSubmission, parseEditSubmission } from './submission.js';
import { DRAFT_ACTIONS, draftHelpMessage, draftNoteMessage, weekMessage } from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function draftCommand(deps: Deps) {
  return async function handleDraftCommand(args: CommandArgs): Promise<void> {
    const { command, respond, client } = args;
    const parsed = orThrow(parseDraftCommand(command.text));
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const actor = { teamId: req.team.teamId, userId: command.user_id };
    const reply = privately(respond);
    if (parsed.type === 'modal' || parsed.type === 'inline') await ensureMayDraftIn(req, command.channel_id);
    switch (parsed.type) {
      case 'help':
        await reply(draftHelpMessage());
        return;
      case 'week': {
        ensureAllowed({
          action: 'workspace.list',
          actor: await whoAsks(req),
          team: req.team,
          doing: 'list this week’s social posts',
        });
        const week = await weekData(req);
        await reply(weekMessage(week, req.team.timezone));
        return;
      }
      case 'modal': {
        const metadata: DraftModalMetadata = { channelId: command.channel_id };
        await openDraftForm(client, deps, respond, actor.teamId, command.trigger_id, metadata);
        return;
      }
      case 'inline': {
        takeDraftSlot(deps, actor.teamId, actor.userId);
        const release = await saveTypedRelease(deps, actor, parsed.text, command.channel_id);
        await draftRelease(client, deps, actor, release, command.channel_id);
        return;
      }
      case 'show': {
        const release = await findRelease(deps, actor.teamId, parsed.release);
        const item = await releaseFacts(req, release);
        const asker = await whoAsks(req);
        const ref = formatReleaseRef(release.number);
        ensureAllowed({ action: 'item.view', actor: asker, team: req.team, item, doing: `see ${ref}` });
        if (release.messageTs && release.draftedAt) {
          await reply(
            draftNoteMessage(
              `The drafts for *${formatReleaseRef(release.number)}* are in <#${release.channelId}>.`,
            ),
          );
          return;
        }
        // Drafting again posts in the release's own channel, for its author, a lead or an admin.
        ensureAllowed({
          action: 'release.redraft',
          actor: asker,
          team: req.team,
          item,
          doing: `draft or post ${ref} again`,
          hint: `Ask <@${release.createdBy}>, who saved it.`,
        });
        takeDraftSlot(deps, actor.teamId, actor.userId);
        const channel = release.channelId ?? command.channel_id;
        await draftRelease(client, deps, actor, { ...release, messageTs: null }, channel);
        return;
      }
    }
  };
}

/** "Draft social posts" on a message: the message's text is stored as the release at once. */
export function draftShortcut(deps: Deps) {
  return async function handleDraftShortcut(args: ShortcutArgs): Promise<void> {
    const { ack, shortcut, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, shortcut.user.id, 'button', shortcut.channel.id);
    const teamId = req.team.teamId;
    await ensureMayDraftIn(req, shortcut.channel.id);
    const body = orThrow(parseShortcutRelease(shortcut.message.text ?? ''));
    takeDraftSlot(deps, teamId, shortcut.user.id);
    const channelId = shortcut.channel.id;
    const release = await saveTypedRelease(deps, { teamId, userId: shortcut.user.id }, body, channelId);
    const metadata = { channelId, releaseId: release.id };
    await openDraftForm(client, deps, respond, teamId, shortcut.trigger_id, metadata, release);
  };
}

export function draftSubmission(deps: Deps) {
  return async function handleDraftSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body, client } = args;
    const metadata = parseDraftMetadata(view.private_metadata);
    if (!metadata) {
      await ack({
        response_action: 'errors',
        errors: { networks: 'This form is out of date; run /draft again.' },
      });
      return;
    }
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const teamId = req.team.teamId;
    const userId = body.user.id;
    const form = parseDraftSubmission(view.state.values, metadata, deps.clock.now());
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    // The metadata travels through the client: a release id must belong to this workspace.
    const { releaseId: storedId } = metadata;
    if (storedId && (await releaseById(deps, teamId, storedId)) === null) {
      await ack({
        response_action: 'errors',
        errors: { networks: 'That press release is not in this workspace.' },
      });
      return;
    }
    // The channel travels through the client too: the drafts go there only if the person may post work there.
    const item = await channelOf(req, metadata.channelId);
    if (!isAllowed({ action: 'draft.create', actor: await whoAsks(req), team: req.team, item })) {
      await ack({
        response_action: 'errors',
        errors: { networks: 'You cannot draft social posts in that channel.' },
      });
      return;
    }
    // A form the shortcut opened took its slot when the shortcut stored the release.
    const busy = storedId === undefined ? draftSlotRefusal(deps, teamId, userId) : undefined;
    if (busy) {
      await ack({ response_action: 'errors', errors: { release: busy } });
      return;
    }
    await ack();
    await draftFromForm(client, deps, { teamId, userId }, metadata, form.value);
  };
}

/** Regenerate and Edit make a new version, which needs approving again: anyone who can see it. */
async function ensureMayRevise(req: WorkRequest, release: PressRelease): Promise<void> {
  ensureAllowed({
    action: 'draft.revise',
    actor: await whoAsks(req),
    team: req.team,
    item: await releaseFacts(req, release),
    doing: `revise the drafts of ${formatReleaseRef(release.number)}`,
  });
}

export function regenerateAction(deps: Deps) {
  return async function handleRegenerate(args: ButtonArgs): Promise<void> {
    const { ack, action, client, body } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const teamId = req.team.teamId;
    const draft = await findDraft(deps, teamId, action.value ?? '');
    await assertCurrent(deps, draft);
    const release = await findReleaseById(deps, teamId, draft.releaseId);
    await ensureMayRevise(req, release);
    takeDraftSlot(deps, teamId, body.user.id);
    await regenerate(client, deps, release, draft, body.user.id);
  };
}

export function editAction(deps: Deps) {
  return async function handleEdit(args: ButtonArgs): Promise<void> {
    const { ack, action, client, body, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const draft = await findDraft(deps, req.team.teamId, action.value ?? '');
    await assertCurrent(deps, draft);
    await ensureMayRevise(req, await findReleaseById(deps, req.team.teamId, draft.releaseId));
    if (draft.text.length > MODAL_TEXT_MAX)
      throw new UserError(
        `This post is ${draft.text.length.toLocaleString('en-US')} characters, more than Slack's ${MODAL_TEXT_MAX.toLocaleString('en-US')}-character edit box. Regenerate it for a shorter one.`,
      );
    await openForm(client, respond, body.trigger_id, editModal(draft), {
      actionId: DRAFT_ACTIONS.edit,
      value: draft.id,
      what: 'the edit form',
    });
  };
}

export function editSubmission(deps: Deps) {
  return async function handleEditSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body, client } = args;
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const teamId = req.team.teamId;
    const draft = await draftById(deps, teamId, view.private_metadata);
    if (!draft) {
      await ack({ response_action: 'errors', errors: { text: 'That draft is not in this workspace.' } });
      return;
    }
    const edited = parseEditSubmission(view.state.values, draft.network as Network);
    if (!edited.ok) {
      await ack({ response_action: 'errors', errors: edited.errors });
      return;
    }
    if (!(await isCurrent(deps, draft))) {
      await ack({
        response_action: 'errors',
        errors: {
          text: 'Someone made a newer version while you were editing. Copy your text, Cancel, and edit the new one.',
        },
      });
      return;
    }
    const release = await findReleaseById(deps, teamId, draft.releaseId);
    const item = await releaseFacts(req, release);
    if (!isAllowed({ action: 'draft.revise', actor: await whoAsks(req), team: req.team, item })) {
      // A modal is answered in the modal: the person keeps what they typed.
      await ack({
        response_action: 'errors',
        errors: { text: 'You can no longer see this release’s channel.' },
      });
      return;
    }
    await ack();
    if (edited.value === draft.text) return;
    await saveEdit(client, deps, release, draft, edited.value, body.user.id);
  };
}
