import { WebClient, type WebClientOptions } from '@slack/web-api';
import { findInstallation } from '../core/stores/installations.js';
import type { TokenBox } from '../crypto/token-box.js';
import type { Deps } from '../deps.js';

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
 * Only a workspace's own installation acts for it: an org-wide install is found by its
 * enterprise id, which the scheduler does not know, so org-installed workspaces get no
 * scheduled work from here.
 */
export function installedClients(deps: Deps, box: TokenBox, options: WebClientOptions): TeamClients {
  // One client per workspace, replaced when a reinstall brings a new token.
  const clients = new Map<string, { token: string; client: WebClient }>();
  return {
    async forTeam(teamId) {
      const installation = await findInstallation(deps, box, { isEnterpriseInstall: false, teamId });
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
