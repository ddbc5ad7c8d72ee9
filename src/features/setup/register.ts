import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import type { Deps } from '../../deps.js';
import { setupOpenAction, setupSubmission, tandemCommand } from './listeners.js';
import { SETUP_OPEN_ACTION, SETUP_VIEW_ID } from './views.js';

export function register(app: App, deps: Deps): void {
  app.command('/tandem', queuedCommand(deps, tandemCommand(deps)));
  app.view(SETUP_VIEW_ID, setupSubmission(deps));
  app.action<BlockAction<ButtonAction>>(SETUP_OPEN_ACTION, setupOpenAction(deps));
}
