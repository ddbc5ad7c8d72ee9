import type { App } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import type { Deps } from '../../deps.js';
import { setupSubmission, tandemCommand } from './listeners.js';
import { SETUP_VIEW_ID } from './views.js';

export function register(app: App, deps: Deps): void {
  app.command('/tandem', queuedCommand(deps, tandemCommand(deps)));
  app.view(SETUP_VIEW_ID, setupSubmission(deps));
}
