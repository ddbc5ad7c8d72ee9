import type { Deps } from '../../deps.js';
import { UserError } from '../../domain/user-error.js';
import { loadWorkspace, toSettings, type WorkspaceSettings } from './workspace-service.js';

export interface SettingsPatch {
  prLeads?: string[];
  socialLeads?: string[];
  digestChannel?: string | null;
  digestTime?: string;
  timezone?: string;
}

export interface SettingsActor {
  teamId: string;
  userId: string;
  /** Workspace admin or owner, per users.info. */
  isAdmin: boolean;
}

/**
 * Until the first setup anyone may configure Tandem, so a new install is usable at once; after it,
 * workspace admins, and the person who did that setup (so they can fix their own typo).
 */
export function maySetUp(workspace: WorkspaceSettings, actor: SettingsActor): boolean {
  return workspace.setupAt === null || actor.isAdmin || workspace.setupBy === actor.userId;
}

export function assertMaySetUp(workspace: WorkspaceSettings, actor: SettingsActor): void {
  if (!maySetUp(workspace, actor)) {
    throw new UserError(
      `Only workspace admins${workspace.setupBy ? ` and <@${workspace.setupBy}>, who set Tandem up,` : ''} can change Tandem’s settings. Anyone can read them.`,
      '/tandem settings',
      '/tandem settings',
    );
  }
}

export async function updateSettings(
  deps: Deps,
  actor: SettingsActor,
  patch: SettingsPatch,
): Promise<WorkspaceSettings> {
  const workspace = await loadWorkspace(deps, actor.teamId);
  assertMaySetUp(workspace, actor);
  const row = await deps.db.prisma.workspace.update({
    where: { teamId: actor.teamId },
    data: {
      ...patch,
      ...(workspace.setupAt === null ? { setupAt: deps.clock.now(), setupBy: actor.userId } : {}),
    },
  });
  return toSettings(row);
}
