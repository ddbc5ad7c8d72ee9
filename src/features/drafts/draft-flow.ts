import type { WebClient } from '@slack/web-api';
import { publishHomes } from '../../core/home/publish.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { addInitiative } from '../../core/stores/initiatives.js';
import { releaseInput, releaseName, releaseNetworks, setReleaseMessage } from '../../core/stores/releases.js';
import { loadWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/draft-command.js';
import { finishDraft } from '../../domain/drafts/finish.js';
import { templateDraft } from '../../domain/drafts/template-drafter.js';
import type { Network } from '../../domain/drafts/types.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, PressRelease } from '../../generated/prisma/client.js';
import { postRefusal } from '../../slack/post-errors.js';
import { ensureAmplifyTasks } from './amplify.js';
import type { Drafter, RawDrafts } from './drafter.js';
import { templateDrafter } from './template-drafter.js';
import { currentDrafts, markDrafted, saveVersions } from './versions.js';
import { draftingMessage, draftNoteMessage, draftsMessage } from './views.js';

export interface DraftActor {
  teamId: string;
  userId: string;
}

const drafterOf = (deps: Deps): Drafter => deps.drafter ?? templateDrafter;

/**
 * The release is already saved whatever Slack said: the reply must say so (never "nothing was
 * changed"), and how to get its drafts posted.
 */
function cannotPost(
  error: unknown,
  release: PressRelease,
  channel: string,
  logger: Deps['logger'],
): UserError {
  const code = postRefusal(error);
  const ref = formatReleaseRef(release.number);
  if (code)
    return new UserError(
      `Your release is saved as *${ref}*, but Tandem cannot post in <#${channel}> (${code}). Invite it with \`/invite @Tandem\` and run \`/draft ${ref}\` there, or run that in any channel Tandem is in.`,
      `/draft ${ref}`,
      `/draft ${ref}`,
    );
  logger.error({ err: error, release: release.id }, 'drafts message not posted');
  return new UserError(
    `Your release is saved as *${ref}*, but Slack did not take the drafts message just now. Run \`/draft ${ref}\` in a moment to try again.`,
    `/draft ${ref}`,
    `/draft ${ref}`,
  );
}

async function linkedInitiative(
  deps: Deps,
  actor: DraftActor,
  release: PressRelease,
  channel: string,
): Promise<Initiative> {
  if (release.initiativeId) {
    const linked = await deps.db.prisma.initiative.findFirst({
      where: { id: release.initiativeId, teamId: release.teamId },
    });
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
  await deps.db.prisma.pressRelease.update({
    where: { id: release.id },
    data: { initiativeId: initiative.id },
  });
  return initiative;
}

/** Every requested network gets a draft, even if a model left one out: the offline one. */
function finishAll(release: PressRelease, raw: RawDrafts, variant: number) {
  const input = releaseInput(release);
  return releaseNetworks(release).map((network: Network) =>
    finishDraft(input, network, raw.texts[network] ?? templateDraft(input, network, variant)),
  );
}

/** Re-renders the drafts message in place; the database is the truth if Slack refuses. */
export async function refreshDraftsMessage(
  client: WebClient,
  deps: Deps,
  release: PressRelease,
  workspace?: WorkspaceSettings,
): Promise<void> {
  if (!release.channelId || !release.messageTs) return;
  const settings = workspace ?? (await loadWorkspace(deps, release.teamId));
  const initiative = release.initiativeId
    ? await deps.db.prisma.initiative.findFirst({
        where: { id: release.initiativeId, teamId: release.teamId },
      })
    : null;
  const message = draftsMessage(release, await currentDrafts(deps, release), {
    timezone: settings.timezone,
    initiativeNumber: initiative?.number ?? null,
  });
  try {
    await client.chat.update({ channel: release.channelId, ts: release.messageTs, ...message });
  } catch (error) {
    deps.logger.warn({ err: error, release: release.id }, 'drafts message not updated');
  }
}

/**
 * The whole /draft flow for a stored release: "Drafting…" at once in `channel`, then the drafts
 * in place of it, then one claimable amplify task per network. Each step is safe to run again.
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
      throw cannotPost(error, release, channel, deps.logger);
    }
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    release = await setReleaseMessage(deps, release, { channel: posted.channel ?? channel, ts: posted.ts });
  }
  try {
    const raw = await drafterOf(deps).draft({
      release: releaseInput(release),
      networks: releaseNetworks(release),
      variant: 0,
    });
    await saveVersions(deps, release, finishAll(release, raw, 0), raw, actor.userId);
    release = await markDrafted(deps, release, raw.note);
  } catch (error) {
    deps.logger.error({ err: error, release: release.id }, 'drafting failed');
    await client.chat
      .update({
        channel: release.channelId ?? channel,
        ts: release.messageTs ?? '',
        ...draftNoteMessage(
          `:x: Drafting ${formatReleaseRef(release.number)} failed. The release is saved: run \`/draft ${formatReleaseRef(release.number)}\` to try again.`,
        ),
      })
      .catch(() => undefined);
    const ref = formatReleaseRef(release.number);
    throw new UserError(
      `Drafting *${ref}* failed on Tandem's side. The release is saved: run \`/draft ${ref}\` to try again.`,
      `/draft ${ref}`,
      `/draft ${ref}`,
    );
  }
  await refreshDraftsMessage(client, deps, release, workspace);
  const amplify = await ensureAmplifyTasks(
    client,
    deps,
    { teamId: actor.teamId, userId: actor.userId, source: 'command' },
    workspace,
    release,
    initiative,
    release.channelId ?? channel,
  );
  if (amplify.error)
    deps.logger.warn({ err: amplify.error, release: release.id }, 'amplify tasks not all posted');
  await publishHomes(client, deps, actor.teamId, [initiative.ownerId]);
  return release;
}

/** Regenerate: a new version of one network's draft, the next variant; older versions stay. */
export async function redraftNetwork(
  deps: Deps,
  release: PressRelease,
  network: Network,
  variant: number,
  userId: string,
): Promise<void> {
  const raw = await drafterOf(deps).draft({ release: releaseInput(release), networks: [network], variant });
  const input = releaseInput(release);
  const finished = finishDraft(input, network, raw.texts[network] ?? templateDraft(input, network, variant));
  await saveVersions(deps, release, [finished], raw, userId);
  if (raw.note !== (release.note ?? undefined)) await markDrafted(deps, release, raw.note);
}
