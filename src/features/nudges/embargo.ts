import { embargoesLiftingSoon, releaseById } from '../../core/stores/releases.js';
import type { Deps } from '../../deps.js';
import { formatReleaseRef } from '../../domain/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { SlackMessage } from '../../slack/blocks.js';
import { context, section } from '../../slack/blocks.js';
import { channelMention, escapeText, slackDate } from '../../slack/mrkdwn.js';

/** The DM, built at delivery from the state then: null once every network is approved. */
export async function embargoNudgeMessage(
  deps: Deps,
  teamId: string,
  releaseId: string,
): Promise<SlackMessage | null> {
  const now = deps.clock.now();
  const release = await releaseById(deps, teamId, releaseId);
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
