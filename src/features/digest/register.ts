import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { queuedCommand } from '../../slack/command-queue.js';
import { digestCommand } from './listeners.js';

export function register(app: App, deps: Deps): void {
  app.command('/digest', queuedCommand(deps, digestCommand(deps)));
}
