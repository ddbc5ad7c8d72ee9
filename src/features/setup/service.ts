import { loadWorkspace, toSettings, type WorkspaceSettings } from '../../core/team.js';
import type { Deps } from '../../deps.js';
import { emojiClash, type TaskReaction } from '../../domain/reactions.js';
import { TANDEM_USAGE } from '../../domain/tandem-command.js';
import { UserError } from '../../domain/user-error.js';
import type { Discipline } from '../../generated/prisma/client.js';

export interface SettingsPatch {
  prLeads?: string[];
  socialLeads?: string[];
  digestChannel?: string | null;
  digestTime?: string;
  timezone?: string;
  claimEmoji?: string;
  doneEmoji?: string;
  handoffEmoji?: string;
  blockEmoji?: string;
  snoozeEmoji?: string;
  workloadThreshold?: number;
  quietStart?: string;
  quietEnd?: string;
  nudgeWindows?: number[];
  draftApprovers?: 'pr' | 'social' | 'both';
}

const EMOJI_COLUMN = {
  claim: 'claimEmoji',
  done: 'doneEmoji',
  handoff: 'handoffEmoji',
  block: 'blockEmoji',
  snooze: 'snoozeEmoji',
} as const satisfies Record<TaskReaction, keyof SettingsPatch>;

/** One reaction's emoji; refused when another reaction (or 📈 trends) already uses it. */
export function emojiPatch(
  workspace: WorkspaceSettings,
  reaction: TaskReaction,
  emoji: string,
): SettingsPatch {
  const clash = emojiClash(emoji, reaction, workspace.emoji);
  if (clash) {
    const hint = TANDEM_USAGE[`set ${reaction}-emoji`];
    throw new UserError(
      `:${emoji}: already means ${clash === 'trend' ? 'log a trend' : clash}; one emoji cannot mean two things.`,
      hint.usage,
      hint.example,
    );
  }
  return { [EMOJI_COLUMN[reaction]]: emoji };
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

/** Anyone may say which discipline they work in; it orders their App Home. */
export async function setMemberDiscipline(
  deps: Deps,
  teamId: string,
  userId: string,
  discipline: Exclude<Discipline, 'joint'> | null,
): Promise<void> {
  await loadWorkspace(deps, teamId);
  await deps.db.prisma.member.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, discipline },
    update: { discipline },
  });
}
