import { type Checklists, resolveChecklists } from '../domain/initiatives/checklists.js';
import { type OwnershipMatrix, resolveMatrix } from '../domain/initiatives/kinds.js';
import type { ReactionEmoji } from '../domain/tasks/reactions.js';
import type { QuietHours } from '../domain/time/quiet-hours.js';
import type { Discipline, Workspace } from '../generated/prisma/client.js';

export interface WorkspaceSettings {
  teamId: string;
  prLeads: string[];
  socialLeads: string[];
  digestChannel: string | null;
  digestTime: string;
  timezone: string;
  emoji: ReactionEmoji;
  workloadThreshold: number;
  checklists: Checklists;
  nudgeWindows: number[];
  quietHours: QuietHours;
  digestGraceMinutes: number;
  matrix: OwnershipMatrix;
  setupAt: Date | null;
  setupBy: string | null;
  /** When a workspace admin or Tandem admin last changed a setting; ends the first-setup grace. */
  adminConfiguredAt: Date | null;
  tandemAdmins: string[];
  installerId: string | null;
  /** Whose leads approve social drafts. */
  draftApprovers: DraftApprovers;
  /** With both sides approving: one approval from either is enough, or one from each. */
  draftApproval: DraftApproval;
  /** What /draft adds of the brand's own: hashtags (without "#"), a default link, a voice, banned words. */
  brand: BrandSettings;
}

export interface BrandSettings {
  hashtags: string[];
  link: string | null;
  voice: string | null;
  bannedWords: string[];
}

export type DraftApproval = 'any' | 'all';

export type DraftApprovers = 'pr' | 'social' | 'both';
const isApprovers = (v: string): v is DraftApprovers => v === 'pr' || v === 'social' || v === 'both';

export function toSettings(row: Workspace): WorkspaceSettings {
  return {
    teamId: row.teamId,
    prLeads: row.prLeads,
    socialLeads: row.socialLeads,
    digestChannel: row.digestChannel,
    digestTime: row.digestTime,
    timezone: row.timezone,
    emoji: {
      claim: row.claimEmoji,
      done: row.doneEmoji,
      handoff: row.handoffEmoji,
      block: row.blockEmoji,
      snooze: row.snoozeEmoji,
    },
    workloadThreshold: row.workloadThreshold,
    checklists: resolveChecklists(row.taskChecklists),
    nudgeWindows: row.nudgeWindows,
    quietHours: { start: row.quietStart, end: row.quietEnd },
    digestGraceMinutes: row.digestGraceMinutes,
    matrix: resolveMatrix(row.ownershipMatrix),
    setupAt: row.setupAt,
    setupBy: row.setupBy,
    adminConfiguredAt: row.adminConfiguredAt,
    tandemAdmins: row.tandemAdmins,
    installerId: row.installerId,
    draftApprovers: isApprovers(row.draftApprovers) ? row.draftApprovers : 'both',
    draftApproval: row.draftApproval === 'all' ? 'all' : 'any',
    brand: {
      hashtags: row.brandHashtags,
      link: row.brandLink,
      voice: row.brandVoice,
      bannedWords: row.bannedWords,
    },
  };
}

/** The leads of a discipline; joint work (or none given) goes to both sides. */
export function leadsFor(workspace: WorkspaceSettings, discipline: Discipline | null): string[] {
  if (discipline === 'pr') return workspace.prLeads;
  if (discipline === 'social') return workspace.socialLeads;
  return [...new Set([...workspace.prLeads, ...workspace.socialLeads])];
}

/** The people whose approval a social draft needs; none configured means admins approve. */
export function approverIds(team: WorkspaceSettings): string[] {
  if (team.draftApprovers === 'pr') return team.prLeads;
  if (team.draftApprovers === 'social') return team.socialLeads;
  return [...new Set([...team.prLeads, ...team.socialLeads])];
}
