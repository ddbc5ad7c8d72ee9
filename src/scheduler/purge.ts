import { purgeWorkspace, workspacesToPurge } from '../core/stores/workspace-lifecycle.js';
import type { Deps } from '../deps.js';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the data of every workspace uninstalled more than `retentionDays` ago. Until then a
 * reinstall finds everything as it was; after it, nothing of the workspace is left.
 */
export async function purgeUninstalled(deps: Deps, retentionDays: number): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - retentionDays * DAY_MS);
  let purged = 0;
  for (const teamId of await workspacesToPurge(deps, before)) {
    try {
      if (await purgeWorkspace(deps, teamId, before)) {
        purged++;
        deps.logger.info({ teamId, retentionDays }, 'uninstalled workspace purged');
      }
    } catch (error) {
      deps.logger.error({ err: error, teamId }, 'purge failed for a workspace; the next pass retries');
    }
  }
  return purged;
}
