import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { trendCommand, trendReaction } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.command('/trend', trendCommand(deps));
  app.event('reaction_added', trendReaction(deps));
}
