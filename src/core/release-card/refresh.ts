import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { sendCoalesced } from '../outbound/slack-output.js';
import type { WorkspaceSettings } from '../settings.js';
import { amplifyTasksOf } from '../stores/amplify.js';
import { currentDrafts } from '../stores/drafts.js';
import { findInitiativeById } from '../stores/initiatives.js';
import { releaseById } from '../stores/releases.js';
import { loadWorkspace } from '../team.js';
import { releaseCard } from './views.js';

/** The card as the database has it now: each network's newest draft beside its amplify line. */
export async function renderReleaseCard(
  deps: Deps,
  release: PressRelease,
  workspace?: WorkspaceSettings,
): Promise<SlackMessage> {
  const settings = workspace ?? (await loadWorkspace(deps, release.teamId));
  const initiative = release.initiativeId
    ? await findInitiativeById(deps, release.teamId, release.initiativeId)
    : null;
  const [drafts, tasks] = await Promise.all([
    currentDrafts(deps, release),
    amplifyTasksOf(deps, release.teamId, release.id),
  ]);
  const lines = drafts.map((draft) => ({
    draft,
    task: tasks.find((t) => t.network === draft.network) ?? null,
  }));
  return releaseCard(release, lines, {
    timezone: settings.timezone,
    initiativeNumber: initiative?.number ?? null,
  });
}

/**
 * Brings the release's card up to date soon, without waiting: approvals, claims, schedules and
 * posts all land on this one message, so a burst of them shares one re-render made from the
 * database when it runs. If Slack refuses, the card stays stale until the next change.
 */
export function refreshReleaseCard(
  client: WebClient,
  deps: Deps,
  release: Pick<PressRelease, 'id' | 'teamId'>,
): void {
  const { teamId, id } = release;
  sendCoalesced(deps, client, teamId, {
    key: `release-card|${id}`,
    method: 'chat.update',
    kind: 'release_card',
    send: async () => {
      const current = await releaseById(deps, teamId, id);
      if (!current?.channelId || !current.messageTs || !current.draftedAt) return;
      const message = await renderReleaseCard(deps, current);
      await client.chat.update({ channel: current.channelId, ts: current.messageTs, ...message });
    },
    failed: (error, retrying) =>
      deps.logger.warn(
        { err: error, teamId, release: id, retrying },
        retrying
          ? 'release card rate-limited; sending it again after Retry-After'
          : 'release card not updated; the next change will retry',
      ),
  });
}
