import type { WebClient } from '@slack/web-api';
import { refreshHomes } from '../../core/home/publish.js';
import { refreshReleaseCard } from '../../core/release-card/refresh.js';
import { draftingMessage } from '../../core/release-card/views.js';
import { draftById, isCurrent, type Provenance, saveVersions } from '../../core/stores/drafts.js';
import { addInitiative, findInitiativeById } from '../../core/stores/initiatives.js';
import {
  linkReleaseToInitiative,
  markDrafted,
  releaseInput,
  releaseName,
  releaseNetworks,
  saveRelease,
  setReleaseMessage,
  updateReleaseOptions,
} from '../../core/stores/releases.js';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import type { Drafter, RawDrafts } from '../../domain/drafts/drafter.js';
import { finishDraft } from '../../domain/drafts/finish.js';
import { templateDraft } from '../../domain/drafts/template-drafter.js';
import { type FinishedDraft, NETWORKS, type Network, type ReleaseInput } from '../../domain/drafts/types.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, PressRelease, SocialDraft } from '../../generated/prisma/client.js';
import { postRefusal } from '../../slack/post-errors.js';
import { tellFailure } from '../../slack/tell.js';
import { ensureAmplifyTasks } from './amplify.js';
import { templateDrafter } from './drafters/template-drafter.js';
import type { DraftOptions } from './submission.js';
import { draftingFailedError, draftingFailedMessage, notPostedError } from './views.js';

export interface DraftActor {
  teamId: string;
  userId: string;
}

const drafterOf = (deps: Deps): Drafter => deps.drafter ?? templateDrafter;

const FAILED = 'drafting from the form failed';

const firstLink = (text: string): string | null => /https?:\/\/[^\s<>"]+/.exec(text)?.[0] ?? null;

/** A release typed after /draft or taken from a message: every network, the defaults, stored at once. */
export function saveTypedRelease(deps: Deps, actor: DraftActor, body: string, channelId: string) {
  return saveRelease(deps, actor.teamId, actor.userId, {
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
}

/**
 * The form's choices, after the form closed: a new release, or the options of the one a message
 * shortcut stored. A failure is told to the person, since nothing else will.
 */
export async function draftFromForm(
  client: WebClient,
  deps: Deps,
  actor: DraftActor,
  where: { channelId: string; releaseId?: string | undefined },
  options: DraftOptions,
): Promise<void> {
  const { teamId, userId } = actor;
  try {
    if (options.initiativeId) {
      // The option came from our own list, but the payload is the client's: check the workspace.
      const owned = await findInitiativeById(deps, teamId, options.initiativeId);
      if (owned === null) options.initiativeId = null;
    }
    const fields = { ...options, channelId: where.channelId };
    const release =
      where.releaseId === undefined
        ? await saveRelease(deps, teamId, userId, { ...fields, body: options.body ?? '' })
        : await updateReleaseOptions(deps, teamId, where.releaseId, fields);
    await draftRelease(client, deps, actor, release, where.channelId);
  } catch (error) {
    await tellFailure(client, deps.logger, { channel: where.channelId, user: userId }, error, FAILED);
  }
}

export async function findDraft(deps: Deps, teamId: string, id: string): Promise<SocialDraft> {
  const draft = await draftById(deps, teamId, id);
  if (!draft) throw new UserError('That draft is not in this workspace.', '/draft', '/draft help');
  return draft;
}

const newerVersion = (draft: SocialDraft) =>
  new UserError(`There is a newer version of this ${draft.network} draft; the message shows it now.`);

/** Buttons on an older rendering of the message may point at a version since replaced. */
export async function assertCurrent(deps: Deps, draft: SocialDraft): Promise<void> {
  if (!(await isCurrent(deps, draft))) throw newerVersion(draft);
}

async function addVersions(
  deps: Deps,
  release: PressRelease,
  drafts: FinishedDraft[],
  provenance: Provenance,
  userId: string,
): Promise<void> {
  const outcome = await saveVersions(deps, release, drafts, provenance, userId);
  if (outcome.kind === 'raced')
    throw new UserError('Someone else changed this draft a moment ago; the message now shows their version.');
}

async function linkedInitiative(
  deps: Deps,
  actor: DraftActor,
  release: PressRelease,
  channel: string,
): Promise<Initiative> {
  if (release.initiativeId) {
    const linked = await findInitiativeById(deps, release.teamId, release.initiativeId);
    if (linked) return linked;
  }
  // A new press_release initiative: the ownership matrix gives it to the PR lead.
  const { initiative } = await addInitiative(
    deps,
    { teamId: actor.teamId, userId: actor.userId, source: 'command' },
    {
      title: releaseName(release),
      kind: 'press_release',
      channelId: channel,
    },
    await loadWorkspace(deps, actor.teamId),
  );
  await linkReleaseToInitiative(deps, release, initiative.id);
  return initiative;
}

/** Every requested network gets a draft, even if a model left one out: the offline one. */
function finishAll(input: ReleaseInput, release: PressRelease, raw: RawDrafts, variant: number) {
  return releaseNetworks(release).map((network: Network) =>
    finishDraft(input, network, raw.texts[network] ?? templateDraft(input, network, variant)),
  );
}

/** Re-renders the release's card soon; the database is the truth if Slack refuses. */
export function refreshDraftsMessage(client: WebClient, deps: Deps, release: PressRelease): void {
  refreshReleaseCard(client, deps, release);
}

/**
 * The whole /draft flow for a stored release: "Drafting…" at once in `channel`, then the card in
 * place of it, with the drafts and one claimable amplify line per network: one channel message
 * in all. Each step is safe to run again.
 */
export async function draftRelease(
  client: WebClient,
  deps: Deps,
  actor: DraftActor,
  stored: PressRelease,
  channel: string,
): Promise<PressRelease> {
  const workspace = await loadWorkspace(deps, actor.teamId);
  const initiative = await linkedInitiative(deps, actor, stored, channel);
  const view = { timezone: workspace.timezone, initiativeNumber: initiative.number };
  let release: PressRelease = { ...stored, initiativeId: initiative.id };
  if (!release.messageTs) {
    let posted: Awaited<ReturnType<WebClient['chat']['postMessage']>>;
    try {
      posted = await client.chat.postMessage({ channel, ...draftingMessage(release, view) });
    } catch (error) {
      const refusal = postRefusal(error);
      if (!refusal) deps.logger.error({ err: error, release: release.id }, 'drafts message not posted');
      throw notPostedError(release, channel, refusal);
    }
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    release = await setReleaseMessage(deps, release, { channel: posted.channel ?? channel, ts: posted.ts });
  }
  try {
    const input = releaseInput(release, workspace.brand);
    const raw = await drafterOf(deps).draft({
      release: input,
      networks: releaseNetworks(release),
      variant: 0,
    });
    await addVersions(deps, release, finishAll(input, release, raw, 0), raw, actor.userId);
    release = await markDrafted(deps, release, raw.note);
  } catch (error) {
    deps.logger.error({ err: error, release: release.id }, 'drafting failed');
    await client.chat
      .update({
        channel: release.channelId ?? channel,
        ts: release.messageTs ?? '',
        ...draftingFailedMessage(release),
      })
      .catch(() => undefined);
    throw draftingFailedError(release);
  }
  await ensureAmplifyTasks(
    deps,
    { teamId: actor.teamId, userId: actor.userId, source: 'command' },
    workspace.timezone,
    release,
    initiative,
    release.channelId ?? channel,
  );
  refreshDraftsMessage(client, deps, release);
  refreshHomes(client, deps, actor.teamId, [initiative.ownerId]);
  return release;
}

/** Regenerate: a new version of one network's draft, the next variant; older versions stay. */
export async function regenerate(
  client: WebClient,
  deps: Deps,
  release: PressRelease,
  draft: SocialDraft,
  userId: string,
): Promise<void> {
  const network = draft.network as Network;
  const variant = draft.version;
  const input = releaseInput(release, (await loadWorkspace(deps, release.teamId)).brand);
  const raw = await drafterOf(deps).draft({ release: input, networks: [network], variant });
  const finished = finishDraft(input, network, raw.texts[network] ?? templateDraft(input, network, variant));
  await addVersions(deps, release, [finished], raw, userId);
  if (raw.note !== (release.note ?? undefined)) await markDrafted(deps, release, raw.note);
  refreshDraftsMessage(client, deps, release);
}

/**
 * A person's own text for one network, after the edit form closed: checked like a drafted post,
 * saved as a new version. A failure is told to the person, since nothing else will.
 */
export async function saveEdit(
  client: WebClient,
  deps: Deps,
  release: PressRelease,
  draft: SocialDraft,
  text: string,
  userId: string,
): Promise<void> {
  try {
    const brand = (await loadWorkspace(deps, release.teamId)).brand;
    const finished = finishDraft(releaseInput(release, brand), draft.network as Network, text);
    const provenance = { drafter: 'edit', promptVersion: draft.promptVersion };
    await addVersions(deps, release, [finished], provenance, userId);
    refreshDraftsMessage(client, deps, release);
  } catch (error) {
    const where = { channel: release.channelId ?? userId, user: userId };
    await tellFailure(client, deps.logger, where, error, FAILED);
  }
}
