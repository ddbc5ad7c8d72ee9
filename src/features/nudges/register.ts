import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import { provideNudgeDelivery } from '../../core/delivery/prompt-nudges.js';
import { loadWorkspaceFresh } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { deliverDueNudges } from './deliver.js';
import { nudgeButton, nudgeHandoff } from './listeners.js';
import { NUDGE_ACTIONS } from './views.js';

export function register(app: App, deps: Deps): void {
  provideNudgeDelivery(deps, async (client, teamId) =>
    deliverDueNudges(deps, client, await loadWorkspaceFresh(deps, teamId)),
  );
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.done, nudgeButton(deps, 'done'));
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.snooze, nudgeButton(deps, 'snooze'));
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.claim, nudgeButton(deps, 'claim'));
  app.action<BlockAction<UsersSelectAction>>(NUDGE_ACTIONS.handoff, nudgeHandoff(deps));
}
