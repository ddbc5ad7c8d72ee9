import { saveAmplifyTasks } from '../../core/stores/amplify.js';
import { amplifiedNetworks, releaseName } from '../../core/stores/releases.js';
import { draftTasks } from '../../core/stores/task-creation.js';
import type { TaskActor } from '../../core/stores/tasks.js';
import { calendarDateToDb } from '../../db/calendar-dates.js';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import { defaultPostAt } from '../../domain/drafts/post-time.js';
import type { Network } from '../../domain/drafts/types.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import type { Initiative, PressRelease } from '../../generated/prisma/client.js';
import { clip } from '../../slack/blocks.js';

/** The calendar day, in the workspace's zone, a post due at `at` is due. */
export function dueDayOf(at: Date, timezone: string): Date {
  const day = todayIn({ now: at, timezone }) ?? todayIn({ now: at, timezone: 'UTC' });
  return calendarDateToDb(day ?? at.toISOString().slice(0, 10));
}

/**
 * One "Amplify on <network>" task per network for the social team: a line on the release's card
 * (claimed there), not a message of its own, due the day its post goes out so it is nudged like
 * any task. Networks that already have one are skipped, so drafting again adds nothing twice.
 */
export async function ensureAmplifyTasks(
  deps: Deps,
  actor: TaskActor,
  timezone: string,
  release: PressRelease,
  initiative: Initiative,
  channel: string,
): Promise<number> {
  const covered = await amplifiedNetworks(deps, release);
  const missing = (release.networks as Network[]).filter((n) => !covered.has(n));
  if (missing.length === 0) return 0;
  const postAt = defaultPostAt(release, deps.clock.now());
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
      dueDate: dueDayOf(postAt, timezone),
      releaseId: release.id,
      network,
    })),
  );
  const saved = await saveAmplifyTasks(
    deps,
    actor,
    drafts.map((d) => ({ ...d, postAt })),
    channel,
  );
  return saved.length;
}
