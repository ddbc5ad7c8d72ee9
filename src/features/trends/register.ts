import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import { onReaction } from '../../core/requests/reaction-listeners.js';
import type { Deps } from '../../deps.js';
import { trendCommand, trendReaction, trendToTask } from './listeners.js';
import { TREND_TASK_ACTION } from './views.js';

export function register(app: App, deps: Deps): void {
  app.command('/trend', queuedCommand(deps, trendCommand(deps)));
  onReaction(app, 'reaction_added', trendReaction(deps));
  app.action<BlockAction<ButtonAction>>(TREND_TASK_ACTION, trendToTask(deps));
}
