import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { TokenBox } from '../../crypto/token-box.js';
import type { Deps } from '../../deps.js';
import {
  deleteInstallation,
  findInstallation,
  InstallationNotFound,
  saveInstallation,
} from '../stores/installations.js';
import { markEnterpriseWorkspaces, markInstalled } from '../stores/workspace-lifecycle.js';
import { forgetWorkspace } from '../team.js';

/**
 * Bolt's installation store over Tandem's database. Bolt calls fetchInstallation for every
 * request, so each one is answered with its own workspace's token (or its org's, for an
 * org-wide install), and a request from a workspace without an installation is refused there,
 * before any listener or middleware of Tandem's runs.
 */
export function tandemInstallationStore(deps: Deps, box: TokenBox): InstallationStore {
  return {
    async storeInstallation(installation) {
      await saveInstallation(deps, box, installation as Installation);
      const teamId = installation.isEnterpriseInstall ? undefined : installation.team?.id;
      if (teamId) {
        await markInstalled(deps, teamId, installation.user.id);
        forgetWorkspace(deps, teamId);
      } else if (installation.enterprise?.id) {
        await markEnterpriseWorkspaces(deps, installation.enterprise.id, null);
      }
      deps.logger.info(
        {
          teamId,
          enterpriseId: installation.enterprise?.id,
          orgWide: installation.isEnterpriseInstall === true,
          installer: installation.user.id,
        },
        'Tandem installed',
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await findInstallation(deps, box, query);
      if (!found) throw new InstallationNotFound(query);
      const bot = {
        token: found.botToken,
        userId: found.botUserId,
        id: found.botId ?? '',
        scopes: [],
      };
      const user = { id: found.installerUserId, token: undefined, scopes: undefined };
      const enterprise = found.enterpriseId ? { id: found.enterpriseId } : undefined;
      return found.isEnterpriseInstall
        ? { team: undefined, enterprise, user, bot, isEnterpriseInstall: true, authVersion: 'v2' }
        : {
            team: { id: found.teamId ?? '' },
            enterprise,
            user,
            bot,
            isEnterpriseInstall: false,
            authVersion: 'v2',
          };
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      await deleteInstallation(deps, query);
    },
  };
}
