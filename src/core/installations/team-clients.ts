import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { TokenBox } from '../../crypto/token-box.js';
import type { Deps } from '../../deps.js';
import { findInstallation } from '../stores/installations.js';
import { enterpriseOf } from '../stores/workspaces.js';

/**
 * The Web API client that acts for a workspace outside any request (the scheduler): the one bot
 * token in single-workspace mode, each workspace's own installation with OAuth. Undefined when
 * the workspace has no installation, so nothing is sent for it.
 */
export interface TeamClients {
  forTeam(teamId: string): Promise<WebClient | undefined>;
}

export function oneClient(client: WebClient): TeamClients {
  return { forTeam: async () => client };
}

export function isTeamClients(value: WebClient | TeamClients): value is TeamClients {
  return typeof (value as Partial<TeamClients>).forTeam === 'function';
}

/**
 * A workspace's own installation acts for it; a workspace first seen through an org-wide
 * install is served by its organisation's. (Requests never take this path: Bolt authorises
 * each with exactly the installation it names.)
 */
export function installedClients(deps: Deps, box: TokenBox, options: WebClientOptions): TeamClients {
  // One client per workspace, replaced when a reinstall brings a new token.
  const clients = new Map<string, { token: string; client: WebClient }>();
  return {
    async forTeam(teamId) {
      const enterpriseId = await enterpriseOf(deps, teamId);
      const installation =
        (await findInstallation(deps, box, { isEnterpriseInstall: false, teamId })) ??
        (enterpriseId
          ? await findInstallation(deps, box, { isEnterpriseInstall: true, enterpriseId })
          : undefined);
      if (!installation) {
        clients.delete(teamId);
        return undefined;
      }
      const known = clients.get(teamId);
      if (known?.token === installation.botToken) return known.client;
      const client = new WebClient(installation.botToken, options);
      clients.set(teamId, { token: installation.botToken, client });
      return client;
    },
  };
}
