import { refreshHomes } from '../../core/home/publish.js';
import { ensureAllowed } from '../../core/permissions.js';
import {
  type AddResult,
  addInitiative,
  findInitiative,
  initiativeListQuery,
  listInitiatives,
  type NewInitiative,
} from '../../core/stores/initiatives.js';
import { initiativeHistory } from '../../core/stores/ownership.js';
import { draftChecklist } from '../../core/stores/task-creation.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import {
  channelOf,
  initiativeFacts,
  storeActor,
  type WorkRequest,
  whoAsks,
} from '../../core/work/request.js';
import { scopeFor } from '../../core/work/visibility.js';
import type { InitiativeListFilter } from '../../domain/initiatives/initiative-command.js';
import { platformError } from '../../slack/reply.js';
import type { ChecklistOutcome } from './views.js';

/**
 * `/initiative add`: anyone who can post in the channel may add one there (guests included, in
 * their channels). With `--with-checklist`, the kind's checklist follows as claimable tasks.
 */
export async function add(
  req: WorkRequest,
  input: NewInitiative & { channelId: string },
  withChecklist: boolean,
): Promise<AddResult & { checklist?: ChecklistOutcome }> {
  ensureAllowed({
    action: 'initiative.add',
    actor: await whoAsks(req),
    team: req.team,
    item: await channelOf(req, input.channelId),
    doing: `add initiatives in <#${input.channelId}>`,
  });
  const result = await addInitiative(req.deps, storeActor(req), input, req.team);
  const checklist = withChecklist ? await postChecklist(req, result) : undefined;
  refreshHomes(req.client, req.deps, req.team.teamId, [result.initiative.ownerId]);
  return checklist ? { ...result, checklist } : result;
}

/**
 * The checklist as task messages in the initiative's channel. The initiative is already saved;
 * if Slack refuses a message, the tasks posted so far are kept and the confirmation says what
 * went wrong instead of failing the whole command.
 */
async function postChecklist(req: WorkRequest, result: AddResult): Promise<ChecklistOutcome> {
  const drafts = await draftChecklist(req.deps, req.team, result.initiative);
  const channel = result.initiative.channelId ?? '';
  const { saved, error } = await postTaskDrafts(
    req.client,
    req.deps,
    storeActor(req),
    req.team,
    drafts,
    channel,
  );
  if (error === undefined) return { tasks: saved };
  const code = platformError(error) ?? 'Slack refused the message';
  req.deps.logger.warn({ err: error, teamId: req.team.teamId }, 'checklist not fully posted');
  return {
    tasks: saved,
    problem:
      `Tandem could not post ${saved.length === 0 ? 'the checklist' : 'the rest of the checklist'} in <#${channel}> (${code}). ` +
      `Invite it with \`/invite @Tandem\`, then add tasks with \`/task add ${result.initiative.number} "<title>"\`.`,
  };
}

/** `/initiative list`: workspace-wide, so for full members only. */
export async function list(req: WorkRequest, filter: InitiativeListFilter) {
  ensureAllowed({
    action: 'workspace.list',
    actor: await whoAsks(req),
    team: req.team,
    doing: 'list the workspace’s initiatives',
  });
  const query = await initiativeListQuery(req.deps, storeActor(req), filter, req.team);
  return listInitiatives(req.deps, query, await scopeFor(req, query.found.channels));
}

/** `/initiative show`: one initiative and its latest changes, for those who can see it. */
export async function show(req: WorkRequest, number: number) {
  const initiative = await findInitiative(req.deps, req.team.teamId, number);
  ensureAllowed({
    action: 'item.view',
    actor: await whoAsks(req),
    team: req.team,
    item: await initiativeFacts(req, initiative),
    doing: `see #${number}`,
  });
  return { initiative, history: await initiativeHistory(req.deps, initiative) };
}
