import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import { onReaction } from '../../core/requests/reaction-listeners.js';
import { CLAIM_ACTION } from '../../core/task-messages/views.js';
import type { Deps } from '../../deps.js';
import { claimButtonPressed, handoffPicked, taskCommand, threadReply } from './listeners.js';
import { reactionAdded, reactionRemoved } from './reactions.js';
import { HANDOFF_PICK_ACTION } from './views.js';

export function register(app: App, deps: Deps): void {
  app.command('/task', queuedCommand(deps, taskCommand(deps)));
  onReaction(app, 'reaction_added', reactionAdded(deps));
  onReaction(app, 'reaction_removed', reactionRemoved(deps));
  app.message(threadReply(deps));
  app.action<BlockAction<UsersSelectAction>>(HANDOFF_PICK_ACTION, handoffPicked(deps));
  app.action<BlockAction<ButtonAction>>(CLAIM_ACTION, claimButtonPressed(deps));
}
