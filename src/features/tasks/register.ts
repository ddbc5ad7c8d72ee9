import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import { CLAIM_ACTION } from '../../core/task-messages/views.js';
import type { Deps } from '../../deps.js';
import { claimButtonPressed, handoffPicked, taskCommand, threadReply } from './listeners.js';
import { reactionAdded, reactionRemoved } from './reactions.js';
import { HANDOFF_PICK_ACTION } from './views.js';

export function register(app: App, deps: Deps): void {
  app.command('/task', queuedCommand(deps, taskCommand(deps)));
  app.event('reaction_added', reactionAdded(deps));
  app.event('reaction_removed', reactionRemoved(deps));
  app.message(threadReply(deps));
  app.action<BlockAction<UsersSelectAction>>(HANDOFF_PICK_ACTION, handoffPicked(deps));
  app.action<BlockAction<ButtonAction>>(CLAIM_ACTION, claimButtonPressed(deps));
}
