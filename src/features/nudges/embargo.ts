import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { context, section } from '../../slack/blocks.js';
import { channelMention, escapeText, slackDate } from '../../slack/mrkdwn.js';

/** Nudge when an embargo lifts within this long and some network has no approved post yet. */
export const EMBARGO_NOTICE_MS = 24 * 60 * 60 * 1000;

/** Releases whose embargo lifts soon with networks still unapproved, and those networks. */
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
      drafts: { where: { status: 'approved' }, select: { network: true } },
    },
  });
  return releases
    .map((r) => {
      const approved = new Set(r.drafts.map((d) => d.network));
      return {
        id: r.id,
        createdBy: r.createdBy,
        unapproved: r.networks.filter((n) => !approved.has(n)) as Network[],
      };
    })
    .filter((r) => r.unapproved.length > 0);
}

/** The DM, built at delivery from the state then: null once every network is approved. */
export async function embargoNudgeMessage(
  deps: Deps,
  teamId: string,
  releaseId: string,
): Promise<SlackMessage | null> {
  const now = deps.clock.now();
  const release = await deps.db.prisma.pressRelease.findFirst({ where: { id: releaseId, teamId } });
  if (!release?.embargoUntil || release.embargoUntil.getTime() <= now.getTime()) return null;
  const [pending] = (await embargoesLiftingSoon(deps, teamId, now)).filter((r) => r.id === releaseId);
  if (!pending) return null;
  const ref = formatReleaseRef(release.number);
  const networks = pending.unapproved.map(networkLabel).join(', ');
  const when = slackDate(release.embargoUntil, release.embargoUntil.toISOString());
  const text = `:lock: The embargo on *${ref}*${release.title ? ` ${escapeText(release.title)}` : ''} lifts ${when}, and ${networks} ${pending.unapproved.length === 1 ? 'has' : 'have'} no approved post yet.`;
  return {
    text: `The embargo on ${ref} lifts soon; ${networks} not approved yet`,
    blocks: [
      section(text),
      context(
        release.channelId
          ? `The drafts are in ${channelMention(release.channelId)}.`
          : `Run /draft ${ref} to see the drafts.`,
      ),
    ],
  };
}
