import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { ActorFacts, ItemFacts } from '../../domain/policy/facts.js';
import type { ChangeSource, Initiative, PressRelease } from '../../generated/prisma/client.js';
import { channelFacts } from '../channels.js';
import { actorFacts } from '../permissions.js';
import type { WorkspaceSettings } from '../settings.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { teamOf } from '../team-context.js';

/** One person's request, as every shared operation on work needs it. */
export interface WorkRequest {
  deps: Deps;
  client: WebClient;
  team: WorkspaceSettings;
  userId: string;
  source: ChangeSource;
  /** The channel the request came from (a command typed there, a reaction or button there). */
  channelId?: string | undefined;
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

export function whoAsks(req: WorkRequest): Promise<ActorFacts> {
  return actorFacts(req.deps, req.client, req.team, req.userId);
}

/** A channel as the policy sees it, for actions on the channel itself (adding work there). */
export async function channelOf(req: WorkRequest, channel: string | null | undefined): Promise<ItemFacts> {
  const present = Boolean(channel) && channel === req.channelId;
  return channelFacts(req.deps, req.client, req.team.teamId, channel, req.userId, present);
}

/** A task as the policy sees it: its owner, its initiative's owner, its discipline, its channel. */
export async function taskFacts(req: WorkRequest, task: TaskWithInitiative): Promise<ItemFacts> {
  return {
    ownerId: task.assigneeId,
    initiativeOwnerId: task.initiative.ownerId,
    discipline: task.discipline ?? task.initiative.leadDiscipline,
    ...(await channelOf(req, task.messageChannel ?? task.initiative.channelId)),
  };
}

export async function initiativeFacts(
  req: WorkRequest,
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
  req: WorkRequest,
  release: Pick<PressRelease, 'createdBy' | 'channelId'>,
): Promise<ItemFacts> {
  return { ownerId: release.createdBy, discipline: 'pr', ...(await channelOf(req, release.channelId)) };
}
