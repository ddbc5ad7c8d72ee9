import type { Deps } from '../deps.js';
import { type Checklists, resolveChecklists } from '../domain/checklists.js';
import { type OwnershipMatrix, resolveMatrix } from '../domain/kinds.js';
import type { QuietHours } from '../domain/quiet-hours.js';
import type { ReactionEmoji } from '../domain/reactions.js';
import type { Discipline, Workspace } from '../generated/prisma/client.js';
import { ensureWorkspace } from './stores/workspaces.js';

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
  /** Whose leads approve social drafts. */
  draftApprovers: DraftApprovers;
}

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
    draftApprovers: isApprovers(row.draftApprovers) ? row.draftApprovers : 'both',
  };
}

/** The workspace's settings, creating the row with defaults the first time a team is seen. */
export async function loadWorkspace(deps: Deps, teamId: string): Promise<WorkspaceSettings> {
  await ensureWorkspace(deps, teamId);
  return toSettings(await deps.db.prisma.workspace.findUniqueOrThrow({ where: { teamId } }));
}

/** The leads of a discipline; joint work (or none given) goes to both sides. */
export function leadsFor(workspace: WorkspaceSettings, discipline: Discipline | null): string[] {
  if (discipline === 'pr') return workspace.prLeads;
  if (discipline === 'social') return workspace.socialLeads;
  return [...new Set([...workspace.prLeads, ...workspace.socialLeads])];
}
