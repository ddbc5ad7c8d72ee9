import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { WorkspaceSettings } from './settings.js';
import { loadWorkspace } from './team.js';

const TEAM = 'tandemTeam';
const REMOVAL_EVENTS = new Set(['app_uninstalled', 'tokens_revoked']);

function teamIdFrom(context: Context, body: unknown): string | undefined {
  const b = body as { team_id?: string; team?: { id?: string } };
  return context.teamId ?? b.team_id ?? b.team?.id ?? context.enterpriseId;
}

/**
 * Starts loading the workspace's settings once per request, before any listener runs, as
 * Bolt's documentation does for `context.user`: listeners and services take them from the
 * context instead of reading them again. The load is not awaited here: slash commands and
 * buttons are acknowledged by their listeners, and Slack's 3 seconds must not wait on the
 * database (a cold embedded database can take that long).
 */
export function loadTeamContext(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ context, body, next }) => {
    const teamId = teamIdFrom(context, body);
    // These arrive for workspaces Tandem no longer serves; reading the settings would create a row.
    if (teamId && !REMOVAL_EVENTS.has((body as { event?: { type?: string } }).event?.type ?? '')) {
      const loading = loadWorkspace(
        deps,
        teamId,
        context.isEnterpriseInstall ? context.enterpriseId : undefined,
      );
      // Awaited by whichever listener needs it; a listener that never asks must not leave an
      // unhandled rejection behind.
      loading.catch(() => {});
      context[TEAM] = loading;
    }
    await next();
  };
}

/** The request's workspace settings, as the middleware started loading them. */
export async function teamOf(context: Context): Promise<WorkspaceSettings> {
  const team = context[TEAM] as Promise<WorkspaceSettings> | undefined;
  if (!team) throw new Error('Slack request without a team id');
  return team;
}
