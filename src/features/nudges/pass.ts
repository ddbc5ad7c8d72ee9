import type { TeamClients } from '../../core/installations/team-clients.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import {
  dropChanges,
  passTargets,
  pendingChanges,
  planBoundaries,
  savePlan,
} from '../../core/stores/nudge-plans.js';
import { EMBARGO_NOTICE_MS } from '../../core/stores/releases.js';
import { allTeamIds } from '../../core/stores/workspaces.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { nextPlanInstant } from '../../domain/time/next-plan.js';
import { deliverDueNudges, recordPlannedNudges, runWorkspaceNudges } from './deliver.js';
import { UNOWNED_AFTER_MS } from './plan.js';

/**
 * Plans a workspace's nudges, then keeps when its plan could next differ without a write, and
 * takes away the change marks read before planning began (later ones stay for the next pass).
 */
async function planWorkspace(deps: Deps, workspace: WorkspaceSettings, seen: bigint[]): Promise<void> {
  const now = deps.clock.now();
  await recordPlannedNudges(deps, workspace, now);
  const boundaries = await planBoundaries(deps, workspace.teamId, now, {
    unownedSince: new Date(now.getTime() - UNOWNED_AFTER_MS),
    embargoNoticeEnd: new Date(now.getTime() + EMBARGO_NOTICE_MS),
  });
  const nextDueAt = nextPlanInstant(now, workspace.timezone, boundaries, {
    unownedAfterMs: UNOWNED_AFTER_MS,
    embargoNoticeMs: EMBARGO_NOTICE_MS,
  });
  await savePlan(deps, workspace.teamId, { plannedAt: now, nextDueAt }, seen);
}

/**
 * One scheduler pass over nudges, in work proportional to what happened: only workspaces whose
 * plan is due (a new local day, a snooze ending…) or that were written to since are planned,
 * and only those with a nudge waiting are delivered to. Every other workspace costs nothing.
 */
export async function runDueNudges(deps: Deps, clients: TeamClients): Promise<number> {
  // Read before anything is planned: a write after this point leaves a mark for the next pass.
  const changes = await pendingChanges(deps);
  const targets = await passTargets(deps, deps.clock.now(), [...changes.keys()]);
  const visited = new Set(targets.map((t) => t.teamId));
  await dropChanges(
    deps,
    [...changes].flatMap(([teamId, ids]) => (visited.has(teamId) ? [] : ids)),
  );
  let sent = 0;
  for (const { teamId, plan } of targets) {
    try {
      const client = await clients.forTeam(teamId);
      if (!client) continue;
      const workspace = await loadWorkspaceFresh(deps, teamId);
      if (plan) await planWorkspace(deps, workspace, changes.get(teamId) ?? []);
      sent += await deliverDueNudges(deps, client, workspace);
    } catch (error) {
      deps.logger.error({ err: error, teamId }, 'nudges failed for a workspace');
    }
  }
  return sent;
}

/**
 * Plans and delivers every installed workspace's nudges, changed or not: how each pass worked
 * before plans were kept. The benchmark's baseline, and the yardstick the tests hold
 * `runDueNudges` to.
 */
export async function runNudgesEverywhere(deps: Deps, clients: TeamClients): Promise<number> {
  let sent = 0;
  for (const teamId of await allTeamIds(deps)) {
    try {
      const client = await clients.forTeam(teamId);
      if (client) sent += await runWorkspaceNudges(deps, client, teamId);
    } catch (error) {
      deps.logger.error({ err: error, teamId }, 'nudges failed for a workspace');
    }
  }
  return sent;
}
