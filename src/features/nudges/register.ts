import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { nudgeButton, nudgeHandoff } from './listeners.js';
import { NUDGE_ACTIONS } from './views.js';

export function register(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.done, nudgeButton(deps, 'done'));
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.snooze, nudgeButton(deps, 'snooze'));
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.claim, nudgeButton(deps, 'claim'));
  app.action<BlockAction<UsersSelectAction>>(NUDGE_ACTIONS.handoff, nudgeHandoff(deps));
}
