import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { tandemRemoved } from './service.js';

type UninstalledArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>;
type RevokedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>;

// Bolt delivers both events without authorising them (the token is already gone), so the
// workspace comes from the event's own authorizations, as Bolt put it in the context.
const whoFrom = (context: AllMiddlewareArgs['context']) => ({
  isEnterpriseInstall: context.isEnterpriseInstall === true,
  teamId: context.teamId,
  enterpriseId: context.enterpriseId,
});

export function appUninstalled(deps: Deps) {
  return async function handleAppUninstalled({ context }: UninstalledArgs): Promise<void> {
    await tandemRemoved(deps, whoFrom(context), 'app_uninstalled');
  };
}

export function tokensRevoked(deps: Deps) {
  return async function handleTokensRevoked({ event, context }: RevokedArgs): Promise<void> {
    // Only bot tokens matter: Tandem asks for no user scopes and keeps no user token.
    if ((event.tokens.bot ?? []).length === 0) return;
    await tandemRemoved(deps, whoFrom(context), 'tokens_revoked');
  };
}
