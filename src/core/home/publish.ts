import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { sendCoalesced } from '../outbound/slack-output.js';
import { hasOpenedHome, recordHomeOpened } from '../stores/members.js';
import { loadWorkspace } from '../team.js';
import { homeData } from './data.js';
import { homeView } from './views.js';

/** Renders one person's App Home from the database and publishes it now; Slack's errors are thrown. */
export async function publishHome(
  client: WebClient,
  deps: Deps,
  teamId: string,
  userId: string,
): Promise<void> {
  const team = await loadWorkspace(deps, teamId);
  const data = await homeData({ deps, client, team, userId });
  const now = deps.clock.now();
  const today = todayIn({ now, timezone: data.workspace.timezone }) ?? now.toISOString().slice(0, 10);
  await client.views.publish({ user_id: userId, view: homeView(data, { now, today }) });
}

function queueHome(
  client: WebClient,
  deps: Deps,
  teamId: string,
  userId: string,
  when: 'opened' | 'changed',
): void {
  sendCoalesced(deps, client, teamId, {
    key: `home|${userId}`,
    method: 'views.publish',
    kind: 'app_home',
    send: async () => {
      if (when === 'changed' && !(await hasOpenedHome(deps, teamId, userId))) return;
      await publishHome(client, deps, teamId, userId);
    },
    failed: (error, retrying) =>
      deps.logger.warn(
        { err: error, teamId, userId, retrying },
        retrying ? 'App Home rate-limited; publishing it again after Retry-After' : 'App Home not refreshed',
      ),
  });
}

/**
 * Someone opened their App Home: it is rendered at once, and from now on kept current as their
 * work changes (Slack shows the last view published, so a home that is opened again is right
 * before Tandem hears of it).
 */
export async function showHome(client: WebClient, deps: Deps, teamId: string, userId: string): Promise<void> {
  await recordHomeOpened(deps, teamId, userId);
  queueHome(client, deps, teamId, userId, 'opened');
}

/**
 * Re-renders one person's App Home soon, coalesced with other refreshes of it, and returns at
 * once; only for someone who has opened it. A home never opened has no view to go stale, and the
 * first open renders it: a claim burst by hundreds of people who never looked at Tandem's home
 * costs no reads and no views.publish. A failure is logged, not raised: the change that caused
 * the refresh is already committed, and the home is rebuilt whenever they open it.
 */
export function refreshHome(client: WebClient, deps: Deps, teamId: string, userId: string): void {
  queueHome(client, deps, teamId, userId, 'changed');
}

/** Refreshes the homes of everyone a change touched, once each. */
export function refreshHomes(
  client: WebClient,
  deps: Deps,
  teamId: string,
  userIds: Array<string | null | undefined>,
): void {
  for (const userId of new Set(userIds.filter((u): u is string => Boolean(u))))
    refreshHome(client, deps, teamId, userId);
}
