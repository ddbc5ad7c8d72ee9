import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ensureAllowed } from '../../core/permissions.js';
import { openInitiatives } from '../../core/stores/initiatives.js';
import { findReleaseById } from '../../core/stores/releases.js';
import { channelOf, type WorkRequest, whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import { openForm } from '../../slack/forms.js';
import { type DraftModalMetadata, draftModal } from './modals.js';
import { parseDraftMetadata } from './submission.js';
import { DRAFT_ACTIONS } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Drafting posts the release card (drafts and amplify lines) in the channel: for anyone who may post work there. */
export async function ensureMayDraftIn(req: WorkRequest, channel: string): Promise<void> {
  ensureAllowed({
    action: 'draft.create',
    actor: await whoAsks(req),
    team: req.team,
    item: await channelOf(req, channel),
    doing: 'draft social posts here',
  });
}

/** The draft form, or a button that opens it afresh when Slack's trigger ran out meanwhile. */
export async function openDraftForm(
  client: WebClient,
  deps: Deps,
  respond: RespondFn,
  teamId: string,
  triggerId: string,
  metadata: DraftModalMetadata,
  release?: PressRelease,
): Promise<'opened' | 'offered'> {
  const view = draftModal(metadata, await openInitiatives(deps, teamId), release);
  return openForm(client, respond, triggerId, view, {
    actionId: DRAFT_ACTIONS.openForm,
    value: JSON.stringify(metadata),
    what: 'the draft form',
  });
}

/** "Open the form" after the draft form could not open in time: the channel is checked again. */
export function draftFormAction(deps: Deps) {
  return async function handleDraftFormOpen(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const metadata = parseDraftMetadata(action.value ?? '');
    if (!metadata) throw new UserError('That button no longer works. Type `/draft` to open the draft form.');
    await ensureMayDraftIn(req, metadata.channelId);
    const release = metadata.releaseId
      ? await findReleaseById(deps, req.team.teamId, metadata.releaseId)
      : undefined;
    const opened = await openDraftForm(
      client,
      deps,
      respond,
      req.team.teamId,
      body.trigger_id,
      metadata,
      release,
    );
    if (opened === 'opened') await respond({ delete_original: true });
  };
}
