import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { appUninstalled, tokensRevoked } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
}
