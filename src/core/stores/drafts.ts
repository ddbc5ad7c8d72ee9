import type { Deps } from '../../deps.js';
import type { Side } from '../../domain/drafts/post-state.js';
import type { DraftFlag, FinishedDraft } from '../../domain/drafts/types.js';
import { type PressRelease, Prisma, type SocialDraft } from '../../generated/prisma/client.js';

/** Where a version came from, recorded on it. */
export interface Provenance {
  /** The model's name, "template", or "edit". */
  drafter: string;
  promptVersion: string;
}

/** Flags are written only by saveVersions, so the stored JSON has this shape. */
export const flagsOf = (draft: SocialDraft): DraftFlag[] => draft.flags as unknown as DraftFlag[];

/** A draft by its id, only within the given workspace: ids come back from Slack payloads. */
export function draftById(deps: Deps, teamId: string, id: string): Promise<SocialDraft | null> {
  return deps.db.prisma.socialDraft.findFirst({ where: { id, teamId } });
}

/** The newest version of each network's draft, in the release's network order. */
export async function currentDrafts(deps: Deps, release: PressRelease): Promise<SocialDraft[]> {
  const all = await deps.db.prisma.socialDraft.findMany({
    where: { teamId: release.teamId, releaseId: release.id },
    orderBy: { version: 'desc' },
  });
  const newest = new Map<string, SocialDraft>();
  for (const draft of all) if (!newest.has(draft.network)) newest.set(draft.network, draft);
  return release.networks.flatMap((n) => newest.get(n) ?? []);
}

/** The newest version of one network's draft, or null before drafting. */
export function newestDraft(deps: Deps, release: PressRelease, network: string): Promise<SocialDraft | null> {
  return deps.db.prisma.socialDraft.findFirst({
    where: { teamId: release.teamId, releaseId: release.id, network },
    orderBy: { version: 'desc' },
  });
}

/** False once a newer version of the same network's draft exists. */
export async function isCurrent(deps: Deps, draft: SocialDraft): Promise<boolean> {
  const newer = await deps.db.prisma.socialDraft.count({
    where: { releaseId: draft.releaseId, network: draft.network, version: { gt: draft.version } },
  });
  return newer === 0;
}

export type SaveVersionsOutcome = { kind: 'saved' } | { kind: 'raced' };

/**
 * Adds one new version per draft, superseding the pending one before it; approved versions keep
 * their approval on record. Versions are never overwritten: the history is the provenance.
 * 'raced': someone else added a version of one of these networks at the same moment, and none
 * of these was saved.
 */
export async function saveVersions(
  deps: Deps,
  release: PressRelease,
  drafts: FinishedDraft[],
  provenance: Provenance,
  userId: string,
): Promise<SaveVersionsOutcome> {
  const now = deps.clock.now();
  try {
    await deps.db.prisma.$transaction(async (tx) => {
      for (const draft of drafts) {
        const previous = await tx.socialDraft.findFirst({
          where: { releaseId: release.id, network: draft.network },
          orderBy: { version: 'desc' },
          select: { id: true, version: true, status: true },
        });
        if (previous?.status === 'pending')
          await tx.socialDraft.update({ where: { id: previous.id }, data: { status: 'superseded' } });
        await tx.socialDraft.create({
          data: {
            teamId: release.teamId,
            releaseId: release.id,
            network: draft.network,
            version: (previous?.version ?? 0) + 1,
            text: draft.text,
            flags: draft.flags as unknown as Prisma.InputJsonValue,
            drafter: provenance.drafter,
            promptVersion: provenance.promptVersion,
            releaseHash: release.releaseHash,
            createdBy: userId,
            createdAt: now,
          },
        });
      }
    });
    return { kind: 'saved' };
  } catch (error) {
    // Two Regenerates at once: the unique (release, network, version) key lets one win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return { kind: 'raced' };
    throw error;
  }
}

export type ApproveOutcome =
  | { kind: 'approved' }
  /** One side approved; the other side's approval is still needed. */
  | { kind: 'half'; side: Side }
  /** Someone approved this version (or this side) a moment earlier. */
  | { kind: 'already-approved' }
  /** A newer version replaced it: that one needs approving. */
  | { kind: 'superseded' };

const SIDE_COLUMN = { pr: 'prApprovedBy', social: 'socialApprovedBy' } as const;

/**
 * Approves the version (or one side of it) if it is still the newest and pending: a conditional
 * update, so of two people pressing at once one approval wins.
 */
export async function approveDraft(
  deps: Deps,
  draft: SocialDraft,
  userId: string,
  step: { kind: 'approve' | 'half'; side: Side | null },
): Promise<ApproveOutcome> {
  if (!(await isCurrent(deps, draft))) return { kind: 'superseded' };
  const sideWrite = step.side ? { [SIDE_COLUMN[step.side]]: userId } : {};
  const where = {
    id: draft.id,
    teamId: draft.teamId,
    status: 'pending' as const,
    ...(step.side ? { [SIDE_COLUMN[step.side]]: null } : {}),
  };
  const { count } = await deps.db.prisma.socialDraft.updateMany({
    where,
    data:
      step.kind === 'approve'
        ? { status: 'approved', approvedBy: userId, approvedAt: deps.clock.now(), ...sideWrite }
        : sideWrite,
  });
  if (count === 1)
    return step.kind === 'half' && step.side ? { kind: 'half', side: step.side } : { kind: 'approved' };
  // Lost a race: either someone approved it, or a new version replaced it meanwhile.
  return (await isCurrent(deps, draft)) ? { kind: 'already-approved' } : { kind: 'superseded' };
}

export type ChangesOutcome = { kind: 'requested' } | { kind: 'already-approved' } | { kind: 'superseded' };

/** An approver's "not like this": kept on the version until a new one (Edit, Regenerate) answers it. */
export async function requestChanges(
  deps: Deps,
  draft: SocialDraft,
  userId: string,
  reason: string,
): Promise<ChangesOutcome> {
  if (!(await isCurrent(deps, draft))) return { kind: 'superseded' };
  const { count } = await deps.db.prisma.socialDraft.updateMany({
    where: { id: draft.id, teamId: draft.teamId, status: 'pending' },
    data: { changesRequestedBy: userId, changesReason: reason },
  });
  if (count === 1) return { kind: 'requested' };
  return (await isCurrent(deps, draft)) ? { kind: 'already-approved' } : { kind: 'superseded' };
}
