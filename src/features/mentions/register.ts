import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { appMention } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.event('app_mention', appMention(deps));
}
