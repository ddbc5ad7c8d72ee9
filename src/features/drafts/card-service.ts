import { refreshHomes } from '../../core/home/publish.js';
import { refreshReleaseCard } from '../../core/release-card/refresh.js';
import { when } from '../../core/release-card/views.js';
import { amplifyTaskFor, markPosted, setPostAt } from '../../core/stores/amplify.js';
import { approveDraft, newestDraft, requestChanges } from '../../core/stores/drafts.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { storeActor, type WorkRequest } from '../../core/work/request.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import { approvalStep, type Side } from '../../domain/drafts/post-state.js';
import type { Network } from '../../domain/drafts/types.js';
import type { ActorFacts } from '../../domain/policy/facts.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease, SocialDraft, Task } from '../../generated/prisma/client.js';
import { sendDm } from '../../slack/dm.js';
import { escapeText, userMention } from '../../slack/mrkdwn.js';
import { dueDayOf } from './amplify.js';
import { draftNoteMessage } from './views.js';

const SIDE_NAME: Record<Side, string> = { pr: 'a PR lead', social: 'a social lead' };

const postName = (release: PressRelease, network: string) =>
  `*${formatReleaseRef(release.number)}*’s ${networkLabel(network as Network)} post`;

const newerVersion = (draft: SocialDraft) =>
  new UserError(`There is a newer version of this ${draft.network} draft; the card shows it now.`);

/** What the approver is told privately; null when the card says it all. */
export type ApproveReply = string | null;

/**
 * Approve: one approval, or with `draft-approval all` one from each side. Once approved, whoever
 * claimed the network's amplify line hears it may go out (one DM).
 */
export async function approveAs(
  req: WorkRequest,
  actor: ActorFacts,
  draft: SocialDraft,
  release: PressRelease,
): Promise<ApproveReply> {
  const { deps, team } = req;
  const step = approvalStep({ approvers: team.draftApprovers, approval: team.draftApproval }, actor, {
    pr: draft.prApprovedBy,
    social: draft.socialApprovedBy,
  });
  if (step.kind === 'already-given')
    return `You have approved this draft already; it still needs ${SIDE_NAME[step.waitingFor]}’s approval.`;
  const outcome = await approveDraft(deps, draft, req.userId, step);
  if (outcome.kind === 'superseded') throw newerVersion(draft);
  refreshReleaseCard(req.client, deps, release);
  if (outcome.kind === 'already-approved')
    return 'Someone approved this draft a moment before you; nothing else to do.';
  if (outcome.kind === 'half')
    return `Approved for your side; it still needs ${SIDE_NAME[outcome.side === 'pr' ? 'social' : 'pr']}’s approval.`;
  const task = await amplifyTaskFor(deps, team.teamId, release.id, draft.network);
  if (task?.assigneeId && task.assigneeId !== req.userId && task.status !== 'done') {
    const at = task.postAt ? ` It goes out ${when(task.postAt, team.timezone)}.` : '';
    await sendDm(
      req.client,
      deps.logger,
      task.assigneeId,
      draftNoteMessage(
        `:white_check_mark: ${postName(release, draft.network)} is approved by ${userMention(req.userId)}.${at} Once it is live, press *Mark posted* on the card with the link.`,
      ),
    );
  }
  return null;
}

/** Request changes: the reason goes on the card and, privately, to whoever wrote this version. */
export async function requestChangesAs(
  req: WorkRequest,
  draft: SocialDraft,
  release: PressRelease,
  reason: string,
): Promise<void> {
  const outcome = await requestChanges(req.deps, draft, req.userId, reason);
  if (outcome.kind === 'superseded') throw newerVersion(draft);
  if (outcome.kind === 'already-approved')
    throw new UserError('Someone approved this draft meanwhile; Edit it to make a new version instead.');
  refreshReleaseCard(req.client, req.deps, release);
  if (draft.createdBy !== req.userId)
    await sendDm(
      req.client,
      req.deps.logger,
      draft.createdBy,
      draftNoteMessage(
        `:memo: ${userMention(req.userId)} asked for changes to ${postName(release, draft.network)}: “${escapeText(reason)}” Edit or Regenerate it on the card in <#${release.channelId}>.`,
      ),
    );
}

/** Schedule: never before the embargo; the amplify line falls due that day. */
export async function scheduleAs(
  req: WorkRequest,
  task: TaskWithInitiative,
  release: PressRelease,
  at: Date,
): Promise<Task> {
  if (task.status === 'done')
    throw new UserError(`${postName(release, task.network ?? '')} is already posted.`);
  if (release.embargoUntil && at.getTime() < release.embargoUntil.getTime())
    throw new UserError(
      `That is before ${formatReleaseRef(release.number)}’s embargo lifts (${when(release.embargoUntil, req.team.timezone)}). Pick that time or later.`,
    );
  const saved = await setPostAt(req.deps, task, at, dueDayOf(at, req.team.timezone));
  refreshReleaseCard(req.client, req.deps, release);
  refreshHomes(req.client, req.deps, req.team.teamId, [task.assigneeId]);
  return saved;
}

/** Mark posted: only once the network's current draft is approved; records the live link. */
export async function ensurePostable(req: WorkRequest, task: Task, release: PressRelease): Promise<void> {
  if (task.status === 'done')
    throw new UserError(`${postName(release, task.network ?? '')} is already posted.`);
  const draft = await newestDraft(req.deps, release, task.network ?? '');
  if (draft?.status !== 'approved')
    throw new UserError(
      `${postName(release, task.network ?? '')} is not approved yet: it cannot be marked posted before an approver approves it on the card.`,
    );
}

export async function markPostedAs(
  req: WorkRequest,
  task: TaskWithInitiative,
  release: PressRelease,
  url: string,
): Promise<boolean> {
  await ensurePostable(req, task, release);
  const closed = await markPosted(req.deps, storeActor(req), task, url);
  refreshReleaseCard(req.client, req.deps, release);
  refreshHomes(req.client, req.deps, req.team.teamId, [task.assigneeId, req.userId]);
  return closed;
}
