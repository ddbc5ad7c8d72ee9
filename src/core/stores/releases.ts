import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { releaseParts } from '../../domain/drafts/release-parts.js';
import type { Network, ReleaseInput, Tone } from '../../domain/drafts/types.js';
import { UserError } from '../../domain/user-error.js';
import type { PressRelease } from '../../generated/prisma/client.js';
import type { BrandSettings } from '../settings.js';
import { ensureWorkspace } from './workspaces.js';

export interface NewRelease {
  title: string | null;
  body: string;
  link: string | null;
  networks: Network[];
  tone: Tone;
  hashtags: string[];
  embargoUntil: Date | null;
  /** An existing initiative to link to; otherwise a press_release initiative is created. */
  initiativeId: string | null;
  channelId: string | null;
}

/** Which exact text a draft was made from: a changed release gives a different hash. */
export function releaseHash(release: Pick<NewRelease, 'title' | 'body' | 'link'>): string {
  return createHash('sha256')
    .update(JSON.stringify([release.title, release.body, release.link]))
    .digest('hex');
}

export function releaseInput(release: PressRelease, brand?: BrandSettings): ReleaseInput {
  return {
    title: release.title,
    body: release.body,
    link: release.link,
    // The brand's hashtags join the release's own; a release's are kept first.
    hashtags: [...new Set([...release.hashtags, ...(brand?.hashtags ?? [])])],
    tone: release.tone as Tone,
    brandLink: brand?.link ?? null,
    voice: brand?.voice ?? null,
    bannedWords: brand?.bannedWords ?? [],
  };
}

/** What to call a release in titles and lists: its title, else its headline (first sentence). */
export function releaseName(release: PressRelease, max = 100): string {
  // A headline's closing full stop would double up in "…the plant.: nobody → @ana".
  const name = release.title ?? releaseParts(releaseInput(release)).headline.replace(/\.$/, '');
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

export const releaseNetworks = (release: PressRelease): Network[] => release.networks as Network[];

/** Stored first, in its own short transaction: whatever happens next, the text is kept. */
export async function saveRelease(
  deps: Deps,
  teamId: string,
  userId: string,
  input: NewRelease,
): Promise<PressRelease> {
  // /draft may be the first thing a workspace ever does: its row must exist before the update.
  await ensureWorkspace(deps, teamId);
  return deps.db.prisma.$transaction(async (tx) => {
    const { nextReleaseNumber } = await tx.workspace.update({
      where: { teamId },
      data: { nextReleaseNumber: { increment: 1 } },
      select: { nextReleaseNumber: true },
    });
    return tx.pressRelease.create({
      data: {
        teamId,
        number: nextReleaseNumber - 1,
        title: input.title,
        body: input.body,
        link: input.link,
        releaseHash: releaseHash(input),
        networks: input.networks,
        tone: input.tone,
        hashtags: input.hashtags,
        embargoUntil: input.embargoUntil,
        initiativeId: input.initiativeId,
        channelId: input.channelId,
        createdBy: userId,
        createdAt: deps.clock.now(),
      },
    });
  });
}

/** The options chosen in the modal, for a release stored earlier (from a message shortcut). */
export async function updateReleaseOptions(
  deps: Deps,
  teamId: string,
  releaseId: string,
  input: Omit<NewRelease, 'body'>,
): Promise<PressRelease> {
  const existing = await findReleaseById(deps, teamId, releaseId);
  return deps.db.prisma.pressRelease.update({
    where: { id: existing.id },
    data: {
      title: input.title,
      link: input.link,
      releaseHash: releaseHash({ ...input, body: existing.body }),
      networks: input.networks,
      tone: input.tone,
      hashtags: input.hashtags,
      embargoUntil: input.embargoUntil,
      initiativeId: input.initiativeId,
      channelId: input.channelId,
    },
  });
}

export function releaseNotFound(number: number): UserError {
  return new UserError(
    `There is no press release ${formatReleaseRef(number)} in this workspace.`,
    '/draft R<number>',
    '/draft R1',
  );
}

export async function findRelease(deps: Deps, teamId: string, number: number): Promise<PressRelease> {
  const release = await deps.db.prisma.pressRelease.findUnique({
    where: { teamId_number: { teamId, number } },
  });
  if (!release) throw releaseNotFound(number);
  return release;
}

/** Ids come back from Slack payloads: always looked up within the workspace that sent them. */
/** A release by id within the workspace, or null. */
export function releaseById(deps: Deps, teamId: string, id: string): Promise<PressRelease | null> {
  return deps.db.prisma.pressRelease.findFirst({ where: { id, teamId } });
}

export async function findReleaseById(deps: Deps, teamId: string, id: string): Promise<PressRelease> {
  const release = await releaseById(deps, teamId, id);
  if (!release) throw new UserError('That press release is not in this workspace.', '/draft', '/draft help');
  return release;
}

export async function setReleaseMessage(
  deps: Deps,
  release: PressRelease,
  message: { channel: string; ts: string },
): Promise<PressRelease> {
  return deps.db.prisma.pressRelease.update({
    where: { id: release.id },
    data: { channelId: message.channel, messageTs: message.ts },
  });
}

/** The initiative a release amplifies, once it has one (chosen in the form, or made for it). */
export function linkReleaseToInitiative(
  deps: Deps,
  release: PressRelease,
  initiativeId: string,
): Promise<PressRelease> {
  return deps.db.prisma.pressRelease.update({ where: { id: release.id }, data: { initiativeId } });
}

/** Drafting finished (from the model or offline); the note says why it was offline, if it was. */
export function markDrafted(
  deps: Deps,
  release: PressRelease,
  note: string | undefined,
): Promise<PressRelease> {
  return deps.db.prisma.pressRelease.update({
    where: { id: release.id },
    data: { draftedAt: deps.clock.now(), note: note ?? null },
  });
}

/** The networks that already have an "Amplify on <network>" task for this release. */
export async function amplifiedNetworks(deps: Deps, release: PressRelease): Promise<Set<string | null>> {
  const tasks = await deps.db.prisma.task.findMany({
    where: { teamId: release.teamId, releaseId: release.id },
    select: { network: true },
  });
  return new Set(tasks.map((t) => t.network));
}

/** Nudge when an embargo lifts within this long and some network has no approved post yet. */
export const EMBARGO_NOTICE_MS = 24 * 60 * 60 * 1000;

/**
 * Releases whose embargo lifts soon with networks still unapproved, and those networks. Only
 * each network's newest version counts: an edit or a regeneration needs approving again.
 */
export async function embargoesLiftingSoon(
  deps: Deps,
  teamId: string,
  now: Date,
): Promise<Array<{ id: string; createdBy: string; unapproved: Network[] }>> {
  const releases = await deps.db.prisma.pressRelease.findMany({
    where: { teamId, embargoUntil: { gt: now, lte: new Date(now.getTime() + EMBARGO_NOTICE_MS) } },
    select: {
      id: true,
      createdBy: true,
      networks: true,
      drafts: { select: { network: true, status: true }, orderBy: { version: 'desc' } },
    },
  });
  return releases
    .map((r) => {
      const newest = new Map<string, string>();
      for (const d of r.drafts) if (!newest.has(d.network)) newest.set(d.network, d.status);
      return {
        id: r.id,
        createdBy: r.createdBy,
        unapproved: r.networks.filter((n) => newest.get(n) !== 'approved') as Network[],
      };
    })
    .filter((r) => r.unapproved.length > 0);
}
