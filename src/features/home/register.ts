import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { showHome } from '../../core/home/publish.js';
import { teamOf } from '../../core/team-context.js';
import type { Deps } from '../../deps.js';

type HomeArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

export function appHomeOpened(deps: Deps) {
  return async function handleAppHomeOpened({ event, context, client }: HomeArgs): Promise<void> {
    // The Messages tab fires this event too; only the Home tab shows the view.
    if (event.tab !== 'home') return;
    await showHome(client, deps, (await teamOf(context)).teamId, event.user);
  };
}

export function register(app: App, deps: Deps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
