import { tandemIsIn } from '../../core/channels.js';
import { ensureAllowed } from '../../core/permissions.js';
import { toSettings, type WorkspaceSettings } from '../../core/settings.js';
import { saveMemberDiscipline } from '../../core/stores/members.js';
import { saveSettings } from '../../core/stores/workspaces.js';
import { forgetWorkspace, loadWorkspaceFresh } from '../../core/team.js';
import { type WorkRequest, whoAsks } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { isAdmin } from '../../domain/policy/decide.js';
import type { ActorFacts } from '../../domain/policy/facts.js';
import { TANDEM_USAGE } from '../../domain/setup/tandem-command.js';
import { emojiClash, type TaskReaction } from '../../domain/tasks/reactions.js';
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
  draftApproval?: 'any' | 'all';
  tandemAdmins?: string[];
  brandHashtags?: string[];
  brandLink?: string | null;
  brandVoice?: string | null;
  bannedWords?: string[];
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

/**
 * Changes workspace settings for whoever the policy allows: workspace owners and admins, the
 * installer, Tandem admins, and whoever does the very first setup (until an admin changes
 * something). Choosing Tandem admins is for workspace admins and the installer only.
 */
export async function changeSettings(req: WorkRequest, patch: SettingsPatch): Promise<WorkspaceSettings> {
  const team = await loadWorkspaceFresh(req.deps, req.team.teamId);
  const actor = await whoAsks(req);
  ensureSettingsAllowed(team, actor, patch);
  if (patch.digestChannel && (await tandemIsIn(req.client, patch.digestChannel)) === false) {
    const hint = TANDEM_USAGE['set digest-channel'];
    throw new UserError(digestChannelWithoutTandem(patch.digestChannel), hint.usage, hint.example);
  }
  const now = req.deps.clock.now();
  const row = await saveSettings(req.deps, team.teamId, {
    ...patch,
    ...(team.setupAt === null ? { setupAt: now, setupBy: actor.userId } : {}),
    ...(isAdmin(actor) ? { adminConfiguredAt: now } : {}),
  });
  forgetWorkspace(req.deps, team.teamId);
  return toSettings(row);
}

/** Said before anything is saved: a digest sent where Tandem is not would never arrive. */
export function digestChannelWithoutTandem(channel: string): string {
  return `Tandem is not in <#${channel}> yet, so no digest could be posted there and nothing was changed. Type \`/invite @Tandem\` in that channel first, then set it again.`;
}

export function ensureSettingsAllowed(
  team: WorkspaceSettings,
  actor: ActorFacts,
  patch: SettingsPatch,
): void {
  const admins = patch.tandemAdmins !== undefined;
  ensureAllowed({
    action: admins ? 'settings.admins' : 'settings.change',
    actor,
    team,
    doing: admins ? 'choose Tandem admins' : 'change Tandem’s settings',
    hint: 'Anyone can read them with `/tandem settings`.',
  });
}

/** Anyone may say which discipline they work in; it orders their App Home. */
export async function setMemberDiscipline(
  deps: Deps,
  teamId: string,
  userId: string,
  discipline: Exclude<Discipline, 'joint'> | null,
): Promise<void> {
  await saveMemberDiscipline(deps, teamId, userId, discipline);
}
