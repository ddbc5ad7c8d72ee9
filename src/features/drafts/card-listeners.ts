import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { ensureAllowed, isAllowed } from '../../core/permissions.js';
import { draftById } from '../../core/stores/drafts.js';
import { findReleaseById } from '../../core/stores/releases.js';
import { findTaskById, type TaskWithInitiative } from '../../core/stores/tasks.js';
import { releaseFacts, taskFacts, type WorkRequest, whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import type { Action } from '../../domain/policy/rules.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import { openForm } from '../../slack/forms.js';
import { privately } from '../../slack/reply.js';
import { CARD_FIELDS, changesModal, postedModal, scheduleModal } from './card-modals.js';
import { approveAs, ensurePostable, markPostedAs, requestChangesAs, scheduleAs } from './card-service.js';
import { parseChanges, parsePosted, parseSchedule } from './card-submission.js';
import { findDraft } from './service.js';
import { DRAFT_ACTIONS, draftNoteMessage } from './views.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const APPROVERS_HINT = 'Ask one of them; admins choose the approvers with `/tandem set draft-approvers`.';

async function ensureMayApprove(req: WorkRequest, release: PressRelease, action: Action, doing: string) {
  ensureAllowed({
    action,
    actor: await whoAsks(req),
    team: req.team,
    item: await releaseFacts(req, release),
    doing: `${doing} ${formatReleaseRef(release.number)}`,
    hint: APPROVERS_HINT,
  });
}

export function approveAction(deps: Deps) {
  return async function handleApprove(args: ButtonArgs): Promise<void> {
    const { ack, action, body, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const draft = await findDraft(deps, req.team.teamId, action.value ?? '');
    const release = await findReleaseById(deps, req.team.teamId, draft.releaseId);
    await ensureMayApprove(req, release, 'draft.approve', 'approve the drafts of');
    const reply = await approveAs(req, await whoAsks(req), draft, release);
    if (reply) await privately(respond, { keepOriginal: true })(draftNoteMessage(reply));
  };
}

export function requestChangesAction(deps: Deps) {
  return async function handleRequestChanges(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const draft = await findDraft(deps, req.team.teamId, action.value ?? '');
    const release = await findReleaseById(deps, req.team.teamId, draft.releaseId);
    await ensureMayApprove(req, release, 'draft.request-changes', 'request changes to the drafts of');
    await openForm(client, respond, body.trigger_id, changesModal(draft, release), {
      actionId: DRAFT_ACTIONS.requestChanges,
      value: draft.id,
      what: 'the changes form',
    });
  };
}

/** The amplify line a card button names, with its release; ids come back from Slack. */
async function amplifyLine(req: WorkRequest, taskId: string) {
  const task = await findTaskById(req.deps, req.team.teamId, taskId);
  if (!task?.releaseId)
    throw new UserError('That amplify line is not in this workspace.', '/draft', '/draft help');
  return { task, release: await findReleaseById(req.deps, req.team.teamId, task.releaseId) };
}

const lineName = (task: TaskWithInitiative, release: PressRelease) =>
  `${formatReleaseRef(release.number)}’s ${networkLabel(task.network as Network)} post`;

async function ensureMayPost(
  req: WorkRequest,
  task: TaskWithInitiative,
  release: PressRelease,
  action: Action,
) {
  const verb = action === 'draft.schedule' ? 'schedule' : 'mark posted';
  ensureAllowed({
    action,
    actor: await whoAsks(req),
    team: req.team,
    item: await taskFacts(req, task),
    doing: `${verb} ${lineName(task, release)}`,
    hint: 'Claim its amplify line on the card first, or ask a social lead.',
  });
}

export function scheduleAction(deps: Deps) {
  return async function handleSchedule(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const { task, release } = await amplifyLine(req, action.value ?? '');
    await ensureMayPost(req, task, release, 'draft.schedule');
    if (task.status === 'done') throw new UserError(`${lineName(task, release)} is already posted.`);
    // A time already past would only be refused: the form opens on now at the earliest.
    const now = deps.clock.now();
    const planned = task.postAt ?? release.embargoUntil ?? now;
    const initial = planned.getTime() < now.getTime() ? now : planned;
    await openForm(client, respond, body.trigger_id, scheduleModal(task, initial), {
      actionId: DRAFT_ACTIONS.schedule,
      value: task.id,
      what: 'the schedule form',
    });
  };
}

export function markPostedAction(deps: Deps) {
  return async function handleMarkPosted(args: ButtonArgs): Promise<void> {
    const { ack, action, body, client, respond } = args;
    await ack();
    const req = await workRequest(deps, args, body.user.id, 'button', body.channel?.id);
    const { task, release } = await amplifyLine(req, action.value ?? '');
    await ensureMayPost(req, task, release, 'draft.mark-posted');
    await ensurePostable(req, task, release);
    await openForm(client, respond, body.trigger_id, postedModal(task), {
      actionId: DRAFT_ACTIONS.markPosted,
      value: task.id,
      what: 'the posted form',
    });
  };
}

/** A modal is answered in the modal: the person keeps what they typed. */
const formError = (ack: ViewArgs['ack'], field: string, message: string) =>
  ack({ response_action: 'errors', errors: { [field]: message } });

export function changesSubmission(deps: Deps) {
  return async function handleChangesSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body } = args;
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const reason = parseChanges(view.state.values);
    if (!reason.ok) return formError(ack, reason.field, reason.error);
    const draft = await draftById(deps, req.team.teamId, view.private_metadata);
    if (!draft) return formError(ack, 'reason', 'That draft is not in this workspace.');
    const release = await findReleaseById(deps, req.team.teamId, draft.releaseId);
    const item = await releaseFacts(req, release);
    if (!isAllowed({ action: 'draft.request-changes', actor: await whoAsks(req), team: req.team, item }))
      return formError(ack, 'reason', 'Only the draft approvers can request changes.');
    await ack();
    await requestChangesAs(req, draft, release, reason.value);
  };
}

async function lineForSubmission(req: WorkRequest, taskId: string, action: Action) {
  const task = await findTaskById(req.deps, req.team.teamId, taskId);
  if (!task?.releaseId) return null;
  const release = await findReleaseById(req.deps, req.team.teamId, task.releaseId);
  const item = await taskFacts(req, task);
  if (!isAllowed({ action, actor: await whoAsks(req), team: req.team, item })) return null;
  return { task, release };
}

export function scheduleSubmission(deps: Deps) {
  return async function handleScheduleSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body } = args;
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const at = parseSchedule(view.state.values, deps.clock.now());
    if (!at.ok) return formError(ack, at.field, at.error);
    const line = await lineForSubmission(req, view.private_metadata, 'draft.schedule');
    if (!line) return formError(ack, CARD_FIELDS.postAt, 'You can no longer schedule this post.');
    if (line.task.status === 'done')
      return formError(ack, CARD_FIELDS.postAt, 'This post is already posted.');
    const { embargoUntil } = line.release;
    if (embargoUntil && at.value.getTime() < embargoUntil.getTime())
      return formError(ack, CARD_FIELDS.postAt, 'That is before the embargo lifts; pick that time or later.');
    await ack();
    await scheduleAs(req, line.task, line.release, at.value);
  };
}

export function postedSubmission(deps: Deps) {
  return async function handlePostedSubmission(args: ViewArgs): Promise<void> {
    const { ack, view, body } = args;
    const req = await workRequest(deps, args, body.user.id, 'modal');
    const url = parsePosted(view.state.values);
    if (!url.ok) return formError(ack, url.field, url.error);
    const line = await lineForSubmission(req, view.private_metadata, 'draft.mark-posted');
    if (!line) return formError(ack, CARD_FIELDS.url, 'You can no longer mark this post posted.');
    try {
      await ensurePostable(req, line.task, line.release);
    } catch (error) {
      if (error instanceof UserError)
        return formError(ack, CARD_FIELDS.url, error.message.replace(/\*/g, ''));
      throw error;
    }
    await ack();
    await markPostedAs(req, line.task, line.release, url.value);
  };
}
