import type { App } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import type { Deps } from '../../deps.js';
import { initiativeCommand } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.command('/initiative', queuedCommand(deps, initiativeCommand(deps)));
}
