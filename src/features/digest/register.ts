import type { App } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import type { Deps } from '../../deps.js';
import { digestCommand } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.command('/digest', queuedCommand(deps, digestCommand(deps)));
}
