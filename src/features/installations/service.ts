import { deleteInstallation, type InstallationKey } from '../../core/stores/installations.js';
import { markEnterpriseWorkspaces, markUninstalled } from '../../core/stores/workspace-lifecycle.js';
import { forgetWorkspace } from '../../core/team.js';
import type { Deps } from '../../deps.js';

/**
 * Slack has taken Tandem's token away (uninstalled, or the bot token revoked): the stored token
 * goes at once, and the workspace is marked so that the scheduler sends it nothing more. Its
 * data stays for the retention period, in case it is installed again. Safe to repeat.
 */
export async function tandemRemoved(deps: Deps, who: InstallationKey, reason: string): Promise<void> {
  const tokenDeleted = await deleteInstallation(deps, who);
  const teamId = who.isEnterpriseInstall ? undefined : who.teamId;
  const now = deps.clock.now();
  const marked = teamId
    ? Number(await markUninstalled(deps, teamId, now))
    : who.enterpriseId
      ? await markEnterpriseWorkspaces(deps, who.enterpriseId, now)
      : 0;
  if (teamId) forgetWorkspace(deps, teamId);
  deps.logger.info(
    {
      teamId,
      enterpriseId: who.enterpriseId,
      orgWide: who.isEnterpriseInstall === true,
      reason,
      tokenDeleted,
      marked,
    },
    'Tandem removed from a workspace',
  );
}
