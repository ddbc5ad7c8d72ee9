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
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { ensureAllowed, isAllowed } from '../../core/permissions.js';
import {
  findRelease,
  findReleaseById,
  releaseInput,
  saveRelease,
  updateReleaseOptions,
} from '../../core/stores/releases.js';
import { releaseFacts, type WorkRequest, whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import {
  countWords,
  DRAFT_USAGE,
  formatReleaseRef,
  MAX_RELEASE_CHARS,
  MIN_RELEASE_WORDS,
  parseDraftCommand,
} from '../../domain/draft-command.js';
import { finishDraft } from '../../domain/drafts/finish.js';
import { NETWORKS, type Network } from '../../domain/drafts/types.js';
import { slackTextToPlain } from '../../domain/slack-refs.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { teamIdOf } from '../../slack/command-context.js';
import { internalErrorMessage, userErrorMessage } from '../../slack/error-reply.js';
import { draftSlotRefusal, takeDraftSlot } from '../../slack/rate-limits.js';
import { tellPrivately } from '../../slack/tell.js';
import { draftRelease, redraftNetwork, refreshDraftsMessage } from './draft-flow.js';
import { type DraftModalMetadata, draftModal, editModal, MODAL_TEXT_MAX } from './modals.js';
import { parseDraftSubmission, parseEditSubmission } from './submission.js';
import { approveDraft, assertCurrent, findDraft, isCurrent, saveVersions } from './versions.js';
import { draftHelpMessage, draftNoteMessage } from './views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const firstLink = (text: string): string | null => /https?:\/\/[^\s<>"]+/.exec(text)?.[0] ?? null;

/** Open initiatives a release can be linked to, newest first (a select holds 100). */
function openInitiatives(deps: Deps, teamId: string) {
  return deps.db.prisma.initiative.findMany({
    where: { teamId, status: { in: ['planned', 'active'] } },
    orderBy: { number: 'desc' },
    take: 100,
  });
}

/** `/draft`: the form, the release inline, a stored release again, or help. */
export function draftCommand(deps: Deps) {
  return async function handleDraftCommand({
    ack,
    command,
    respond,
    context,
    client,
  }: CommandArgs): Promise<void> {
    await ack();
    const parsed = orThrow(parseDraftCommand(command.text));
    const actor = { teamId: teamIdOf(context, command), userId: command.user_id };
    const privately = (message: SlackMessage) =>
      respond({ response_type: 'ephemeral', ...message } as Parameters<typeof respond>[0]);
    switch (parsed.type) {
      case 'help':
        await privately(draftHelpMessage());
        return;
      case 'modal': {
        const metadata: DraftModalMetadata = { channelId: command.channel_id };
        await client.views.open({
          trigger_id: command.trigger_id,
          view: draftModal(metadata, await openInitiatives(deps, actor.teamId)),
        });
        return;
      }
      case 'inline': {
        takeDraftSlot(deps, actor.teamId, actor.userId);
        const release = await saveRelease(deps, actor.teamId, actor.userId, {
          title: null,
          body: parsed.text,
          link: firstLink(parsed.text),
          networks: [...NETWORKS],
          tone: 'neutral',
          hashtags: [],
          embargoUntil: null,
          initiativeId: null,
          channelId: command.channel_id,
        });
        await draftRelease(client, deps, actor, release, command.channel_id);
        return;
      }
      case 'show': {
        const release = await findRelease(deps, actor.teamId, parsed.release);
        const req = await workRequest(
          deps,
          { context, client },
          command.user_id,
          'command',
          command.channel_id,
        );
        const item = await releaseFacts(req, release);
        const asker = await whoAsks(req);
        const ref = formatReleaseRef(release.number);
        ensureAllowed({ action: 'item.view', actor: asker, team: req.team, item, doing: `see ${ref}` });
        if (release.messageTs && release.draftedAt) {
          await privately(
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
  return async function handleDraftShortcut({ ack, shortcut, context, client }: ShortcutArgs): Promise<void> {
    await ack();
    const teamId = teamIdOf(context);
    const body = slackTextToPlain(shortcut.message.text ?? '').trim();
    const words = countWords(body);
    if (words < MIN_RELEASE_WORDS)
      throw new UserError(
        `That message has ${words} word${words === 1 ? '' : 's'}; use "Draft social posts" on the message that holds the whole press release (at least ${MIN_RELEASE_WORDS} words).`,
        DRAFT_USAGE.modal.usage,
        DRAFT_USAGE.inline.example,
      );
    if (body.length > MAX_RELEASE_CHARS)
      throw new UserError(
        `That message is ${body.length.toLocaleString('en-US')} characters; Tandem takes releases up to ${MAX_RELEASE_CHARS.toLocaleString('en-US')}. Post the release without its boilerplate (contacts, "About us") and try again.`,
        DRAFT_USAGE.modal.usage,
        DRAFT_USAGE.inline.example,
      );
    takeDraftSlot(deps, teamId, shortcut.user.id);
    const channelId = shortcut.channel.id;
    const release = await saveRelease(deps, teamId, shortcut.user.id, {
      title: null,
      body,
      link: firstLink(body),
      networks: [...NETWORKS],
      tone: 'neutral',
      hashtags: [],
      embargoUntil: null,
      initiativeId: null,
      channelId,
    });
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: draftModal({ channelId, releaseId: release.id }, await openInitiatives(deps, teamId), release),
    });
  };
}

const metadataSchema = z.object({ channelId: z.string().min(1), releaseId: z.string().optional() });

/** Work after a modal closed has no response_url: tell the person in the channel, or by DM. */
async function reportFailure(
  client: WebClient,
  logger: Logger,
  where: { channel: string; user: string },
  error: unknown,
): Promise<void> {
  if (error instanceof UserError) {
    await tellPrivately(client, logger, where, userErrorMessage(error));
    return;
  }
  logger.error({ err: error }, 'drafting from the form failed');
  await tellPrivately(client, logger, where, internalErrorMessage());
}

export function draftSubmission(deps: Deps) {
  return async function handleDraftSubmission({ ack, view, body, context, client }: ViewArgs): Promise<void> {
    const metadata = metadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!metadata.success) {
      await ack({
        response_action: 'errors',
        errors: { networks: 'This form is out of date; run /draft again.' },
      });
      return;
    }
    const teamId = teamIdOf(context);
    const userId = body.user.id;
    const form = parseDraftSubmission(view.state.values, metadata.data, deps.clock.now());
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    // The metadata travels through the client: a release id must belong to this workspace.
    const { releaseId: storedId } = metadata.data;
    if (storedId && (await deps.db.prisma.pressRelease.count({ where: { id: storedId, teamId } })) === 0) {
      await ack({
        response_action: 'errors',
        errors: { networks: 'That press release is not in this workspace.' },
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
    const { channelId, releaseId } = metadata.data;
    try {
      const options = form.value;
      if (options.initiativeId) {
        // The option came from our own list, but the payload is the client's: check the workspace.
        const owned = await deps.db.prisma.initiative.count({ where: { id: options.initiativeId, teamId } });
        if (owned === 0) options.initiativeId = null;
      }
      const fields = { ...options, channelId };
      const release =
        releaseId === undefined
          ? await saveRelease(deps, teamId, userId, { ...fields, body: options.body ?? '' })
          : await updateReleaseOptions(deps, teamId, releaseId, fields);
      await draftRelease(client, deps, { teamId, userId }, release, channelId);
    } catch (error) {
      await reportFailure(client, deps.logger, { channel: channelId, user: userId }, error);
    }
  };
}

export function approveAction(deps: Deps) {
  return async function handleApprove(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const draft = await findDraft(deps, req.team.teamId, action.value ?? '');
    const release = await findReleaseById(deps, req.team.teamId, draft.releaseId);
    ensureAllowed({
      action: 'draft.approve',
      actor: await whoAsks(req),
      team: req.team,
      item: await releaseFacts(req, release),
      doing: `approve the drafts of ${formatReleaseRef(release.number)}`,
      hint: 'Ask one of them; admins choose the approvers with `/tandem set draft-approvers`.',
    });
    const approved = await approveDraft(deps, draft, req.userId);
    await refreshDraftsMessage(client, deps, release, req.team);
    if (!approved)
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...draftNoteMessage('Someone approved this draft a moment before you; nothing else to do.'),
      });
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
    await redraftNetwork(deps, release, draft.network as Network, draft.version, body.user.id);
    await refreshDraftsMessage(client, deps, await findReleaseById(deps, teamId, release.id));
  };
}

export function editAction(deps: Deps) {
  return async function handleEdit(args: ButtonArgs): Promise<void> {
    const { ack, action, client, body } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const draft = await findDraft(deps, req.team.teamId, action.value ?? '');
    await assertCurrent(deps, draft);
    await ensureMayRevise(req, await findReleaseById(deps, req.team.teamId, draft.releaseId));
    if (draft.text.length > MODAL_TEXT_MAX)
      throw new UserError(
        `This post is ${draft.text.length.toLocaleString('en-US')} characters, more than Slack's ${MODAL_TEXT_MAX.toLocaleString('en-US')}-character edit box. Regenerate it for a shorter one.`,
      );
    await client.views.open({ trigger_id: body.trigger_id, view: editModal(draft) });
  };
}

export function editSubmission(deps: Deps) {
  return async function handleEditSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body, client } = args;
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const teamId = req.team.teamId;
    const draft = await deps.db.prisma.socialDraft.findFirst({
      where: { id: view.private_metadata, teamId },
    });
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
    try {
      const finished = finishDraft(releaseInput(release), draft.network as Network, edited.value);
      await saveVersions(
        deps,
        release,
        [finished],
        { drafter: 'edit', promptVersion: draft.promptVersion },
        body.user.id,
      );
      await refreshDraftsMessage(client, deps, release);
    } catch (error) {
      await reportFailure(
        client,
        deps.logger,
        { channel: release.channelId ?? body.user.id, user: body.user.id },
        error,
      );
    }
  };
}
