import type { Deps } from '../../deps.js';
import type { DraftFlag, FinishedDraft, Network } from '../../domain/drafts/types.js';
import { UserError } from '../../domain/user-error.js';
import { type PressRelease, Prisma, type SocialDraft } from '../../generated/prisma/client.js';

export interface Provenance {
  /** The model's name, "template", or "edit". */
  drafter: string;
  promptVersion: string;
}

/** Flags are written only by Tandem (saveVersions), so the stored JSON has this shape. */
export const flagsOf = (draft: SocialDraft): DraftFlag[] => draft.flags as unknown as DraftFlag[];

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

const CONCURRENT_VERSION = new UserError(
  'Someone else changed this draft a moment ago; the message now shows their version.',
);

/**
 * Adds one new version per draft, superseding the pending one before it; approved versions keep
 * their approval on record. Versions are never overwritten: the history is the provenance.
 */
export async function saveVersions(
  deps: Deps,
  release: PressRelease,
  drafts: FinishedDraft[],
  provenance: Provenance,
  userId: string,
): Promise<void> {
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
  } catch (error) {
    // Two Regenerates at once: the unique (release, network, version) key lets one win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw CONCURRENT_VERSION;
    throw error;
  }
}

/** Drafting finished (from the model or offline); the note says why it was offline, if it was. */
export async function markDrafted(
  deps: Deps,
  release: PressRelease,
  note: string | undefined,
): Promise<PressRelease> {
  return deps.db.prisma.pressRelease.update({
    where: { id: release.id },
    data: { draftedAt: deps.clock.now(), note: note ?? null },
  });
}

export async function findDraft(deps: Deps, teamId: string, id: string): Promise<SocialDraft> {
  const draft = await deps.db.prisma.socialDraft.findFirst({ where: { id, teamId } });
  if (!draft) throw new UserError('That draft is not in this workspace.', '/draft', '/draft help');
  return draft;
}

/** False once a newer version of the same network's draft exists. */
export async function isCurrent(deps: Deps, draft: SocialDraft): Promise<boolean> {
  const newer = await deps.db.prisma.socialDraft.count({
    where: { releaseId: draft.releaseId, network: draft.network, version: { gt: draft.version } },
  });
  return newer === 0;
}

/** Buttons on an older rendering of the message may point at a version since replaced. */
export async function assertCurrent(deps: Deps, draft: SocialDraft): Promise<void> {
  if (!(await isCurrent(deps, draft)))
    throw new UserError(`There is a newer version of this ${draft.network} draft; the message shows it now.`);
}

/** Approves the newest version if still pending; false when someone else approved it first. */
export async function approveDraft(deps: Deps, draft: SocialDraft, userId: string): Promise<boolean> {
  await assertCurrent(deps, draft);
  const { count } = await deps.db.prisma.socialDraft.updateMany({
    where: { id: draft.id, teamId: draft.teamId, status: 'pending' },
    data: { status: 'approved', approvedBy: userId, approvedAt: deps.clock.now() },
  });
  if (count === 1) return true;
  // Lost a race: either someone approved it, or a new version replaced it meanwhile.
  await assertCurrent(deps, draft);
  return false;
}

export const isNetwork = (release: PressRelease, network: string): network is Network =>
  release.networks.includes(network);
