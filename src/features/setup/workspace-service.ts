import type { Deps } from '../../deps.js';
import { type Checklists, resolveChecklists } from '../../domain/checklists.js';
import { type OwnershipMatrix, resolveMatrix } from '../../domain/kinds.js';
import type { QuietHours } from '../../domain/quiet-hours.js';
import type { ReactionEmoji } from '../../domain/reactions.js';
import type { Workspace } from '../../generated/prisma/client.js';

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
}

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
  };
}

// Workspaces are never deleted, so once a team's row is known to exist it need not be checked again.
const knownTeams = new WeakMap<object, Set<string>>();

/** Makes sure the team's row exists (for foreign keys) without reading it after the first time. */
export async function ensureWorkspace(deps: Deps, teamId: string): Promise<void> {
  let known = knownTeams.get(deps.db);
  if (!known) {
    known = new Set();
    knownTeams.set(deps.db, known);
  }
  if (known.has(teamId)) return;
  await loadWorkspace(deps, teamId);
  known.add(teamId);
}

/** The workspace's settings, creating the row with defaults the first time a team is seen. */
export async function loadWorkspace(deps: Deps, teamId: string): Promise<WorkspaceSettings> {
  const { workspace } = deps.db.prisma;
  const existing = await workspace.findUnique({ where: { teamId } });
  if (existing) return toSettings(existing);
  // Prisma's upsert is find-then-create and races with a concurrent first request from the same
  // team; INSERT … ON CONFLICT DO NOTHING does not.
  await workspace.createMany({ data: [{ teamId, timezone: deps.defaultTimezone }], skipDuplicates: true });
  return toSettings(await workspace.findUniqueOrThrow({ where: { teamId } }));
}
