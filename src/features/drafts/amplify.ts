import type { WebClient } from '@slack/web-api';
import type { WorkspaceSettings } from '../../core/settings.js';
import { amplifiedNetworks, releaseName } from '../../core/stores/releases.js';
import { draftTasks } from '../../core/stores/task-creation.js';
import type { TaskActor } from '../../core/stores/tasks.js';
import { postTaskDrafts } from '../../core/task-messages/post.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import type { Initiative, PressRelease } from '../../generated/prisma/client.js';
import { clip } from '../../slack/blocks.js';

/**
 * One "Amplify on <network>" task per network for the social team, posted like any task so
 * people claim it by reacting. Networks that already have one are skipped, so running the flow
 * again (`/draft R4`) adds nothing twice. Returns how many were posted and Slack's refusal, if any.
 */
export async function ensureAmplifyTasks(
  client: WebClient,
  deps: Deps,
  actor: TaskActor,
  workspace: WorkspaceSettings,
  release: PressRelease,
  initiative: Initiative,
  channel: string,
): Promise<{ posted: number; error?: unknown }> {
  const covered = await amplifiedNetworks(deps, release);
  const missing = (release.networks as Network[]).filter((n) => !covered.has(n));
  if (missing.length === 0) return { posted: 0 };
  // Due the day the embargo lifts: that is when the posts go out.
  const due = release.embargoUntil
    ? todayIn({ now: release.embargoUntil, timezone: workspace.timezone })
    : null;
  const drafts = await draftTasks(
    deps,
    release.teamId,
    initiative,
    missing.map((network) => ({
      title: clip(
        `Amplify on ${networkLabel(network)}: ${formatReleaseRef(release.number)} ${releaseName(release, 80)}`,
        150,
      ),
      discipline: 'social' as const,
      assigneeId: null,
      dueDate: due ? calendarDateToDb(due) : null,
      releaseId: release.id,
      network,
    })),
  );
  const { saved, error } = await postTaskDrafts(client, deps, actor, workspace, drafts, channel);
  return error === undefined ? { posted: saved.length } : { posted: saved.length, error };
}
