import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { ActorFacts, ItemFacts } from '../../domain/policy/facts.js';
import type { ChangeSource, Initiative, PressRelease, Trend } from '../../generated/prisma/client.js';
import { channelFacts } from '../channels.js';
import { actorFacts } from '../permissions.js';
import type { WorkspaceSettings } from '../settings.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { teamOf } from '../team-context.js';

/**
 * Someone whose view of the work is asked about: the person behind a request, or the recipient
 * of a digest or nudge, which the scheduler sends with no request at all.
 */
export interface Viewer {
  deps: Deps;
  client: WebClient;
  team: WorkspaceSettings;
  userId: string;
  /** The channel the request came from (a command typed there, a reaction or button there). */
  channelId?: string | undefined;
}

/** One person's request, as every shared operation on work needs it. */
export interface WorkRequest extends Viewer {
  source: ChangeSource;
}

/** The request a listener makes on behalf of the person who acted. */
export async function workRequest(
  deps: Deps,
  args: { context: Context; client: WebClient },
  userId: string,
  source: ChangeSource,
  channelId?: string,
): Promise<WorkRequest> {
  return { deps, client: args.client, team: await teamOf(args.context), userId, source, channelId };
}

export const storeActor = (req: WorkRequest) => ({
  teamId: req.team.teamId,
  userId: req.userId,
  source: req.source,
});

export function whoAsks(req: Viewer): Promise<ActorFacts> {
  return actorFacts(req.deps, req.client, req.team, req.userId);
}

/** A channel as the policy sees it, for actions on the channel itself (adding work there). */
export async function channelOf(req: Viewer, channel: string | null | undefined): Promise<ItemFacts> {
  const present = Boolean(channel) && channel === req.channelId;
  return channelFacts(req.deps, req.client, req.team.teamId, channel, req.userId, present);
}

/** A task as the policy sees it: its owner, its initiative's owner, its discipline, its channel. */
export async function taskFacts(req: Viewer, task: TaskWithInitiative): Promise<ItemFacts> {
  return {
    ownerId: task.assigneeId,
    initiativeOwnerId: task.initiative.ownerId,
    discipline: task.discipline ?? task.initiative.leadDiscipline,
    ...(await channelOf(req, task.messageChannel ?? task.initiative.channelId)),
  };
}

export async function initiativeFacts(
  req: Viewer,
  initiative: Pick<Initiative, 'ownerId' | 'leadDiscipline' | 'channelId'>,
): Promise<ItemFacts> {
  return {
    ownerId: initiative.ownerId,
    discipline: initiative.leadDiscipline,
    ...(await channelOf(req, initiative.channelId)),
  };
}

/** A press release as the policy sees it: its author and its channel. */
export async function releaseFacts(
  req: Viewer,
  release: Pick<PressRelease, 'createdBy' | 'channelId'>,
): Promise<ItemFacts> {
  return { ownerId: release.createdBy, discipline: 'pr', ...(await channelOf(req, release.channelId)) };
}

/** A trend as the policy sees it: who reported it and the channel it was spotted in. */
export async function trendFacts(
  req: Viewer,
  trend: Pick<Trend, 'reporterId' | 'sourceChannel'>,
): Promise<ItemFacts> {
  return { ownerId: trend.reporterId, ...(await channelOf(req, trend.sourceChannel)) };
}
