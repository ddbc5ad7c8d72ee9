import type { HTTPReceiverOptions, Installation } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { OAuthSettings } from '../../config.js';
import { createTokenBox } from '../../crypto/token-box.js';
import type { Deps } from '../../deps.js';
import { sendDm } from '../../slack/dm.js';
import { tandemInstallationStore } from './installation-store.js';
import { BOT_SCOPES } from './scopes.js';
import { installedClients, type TeamClients } from './team-clients.js';
import { installedPage, welcomeMessage } from './welcome.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface Distribution {
  /** Bolt's own OAuth: the Add to Slack page, state checks, the code exchange, the store. */
  receiverOptions: Pick<
    HTTPReceiverOptions,
    'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'
  >;
  /** Each workspace's own client, for the scheduler. */
  clients: TeamClients;
}

/**
 * Tandem as an app any workspace can install. `clientOptions` are the Web API client's (API
 * URL, retries, timeout): the code exchange and the welcome message go where every call goes.
 */
export function distribution(
  deps: Deps,
  oauth: OAuthSettings,
  clientOptions: WebClientOptions,
): Distribution {
  const box = createTokenBox(oauth.encryptionKey, oauth.oldEncryptionKeys);
  const welcome = async (installation: Installation) => {
    const token = installation.bot?.token;
    if (!token) return;
    const client = new WebClient(token, clientOptions);
    const message = welcomeMessage(installation.user.id, installation.isEnterpriseInstall === true);
    await sendDm(client, deps.logger, installation.user.id, message);
  };
  return {
    receiverOptions: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: [...BOT_SCOPES],
      installationStore: tandemInstallationStore(deps, box),
      installerOptions: {
        installPath: INSTALL_PATH,
        redirectUriPath: REDIRECT_PATH,
        // The Add to Slack page, which sets the state cookie that the redirect must bring back.
        directInstall: false,
        stateVerification: true,
        clientOptions,
        callbackOptions: {
          async successAsync(installation, _options, _req, res) {
            await welcome(installation);
            const team = installation.isEnterpriseInstall ? undefined : installation.team?.id;
            const slackUrl =
              team && installation.appId
                ? `slack://app?team=${team}&id=${installation.appId}`
                : 'slack://open';
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(installedPage(slackUrl));
          },
        },
      },
    },
    clients: installedClients(deps, box, clientOptions),
  };
}
