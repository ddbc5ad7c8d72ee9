import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { todayIn } from '../../domain/time/calendar-date.js';
import { loadWorkspace } from '../team.js';
import { homeData } from './data.js';
import { homeView } from './views.js';

/**
 * Re-renders one person's App Home. A failure is logged, not raised: the change that caused the
 * refresh is already committed, and the home is rebuilt whenever they open it.
 */
export async function publishHome(
  client: WebClient,
  deps: Deps,
  teamId: string,
  userId: string,
): Promise<void> {
  try {
    const team = await loadWorkspace(deps, teamId);
    const data = await homeData({ deps, client, team, userId });
    const now = deps.clock.now();
    const today = todayIn({ now, timezone: data.workspace.timezone }) ?? now.toISOString().slice(0, 10);
    await client.views.publish({ user_id: userId, view: homeView(data, { now, today }) });
  } catch (error) {
    deps.logger.warn({ err: error, teamId, userId }, 'App Home not refreshed');
  }
}

/** Refreshes the homes of everyone a change touched, once each. */
export async function publishHomes(
  client: WebClient,
  deps: Deps,
  teamId: string,
  userIds: Array<string | null | undefined>,
): Promise<void> {
  const unique = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  await Promise.all(unique.map((userId) => publishHome(client, deps, teamId, userId)));
}
