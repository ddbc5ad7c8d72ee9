import type { KnownBlock } from '@slack/types';
import {
  explainDigestFailure,
  explainDmRefusal,
  RECENT_NUDGE_DAYS,
  UNDELIVERABLE_NUDGES_FIX,
} from '../../domain/status/delivery-problems.js';
import { context, section } from '../../slack/blocks.js';
import { channelMention, inlineCode, slackDate, userMention } from '../../slack/mrkdwn.js';
import { MAX_DIGEST_ATTEMPTS } from '../stores/digest-runs.js';
import type { DeliveryProblems, DigestTrouble } from './problems.js';

const when = (at: Date) => slackDate(at, `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/** One digest problem in plain words, with its fix (or, while retrying, when the next try is). */
export function digestTroubleLine({ state, day }: DigestTrouble, digestChannel: string | null): string {
  const { problem, fix } = explainDigestFailure(
    day.lastError ?? '',
    day.channel ? channelMention(day.channel) : null,
  );
  switch (state) {
    case 'given-up':
      return `*The digest for ${day.localDate} was given up.* ${problem} ${fix}`;
    case 'retrying': {
      const next = day.nextAttemptAt
        ? ` Tandem tries again ${when(day.nextAttemptAt)}`
        : ' Tandem tries again';
      return `*The digest for ${day.localDate} has not gone out yet.* ${problem}${next} (attempt ${day.attempts + 1} of ${MAX_DIGEST_ATTEMPTS}).`;
    }
    case 'fixed-since': {
      const now = digestChannel ? channelMention(digestChannel) : 'another channel';
      return `The digest for ${day.localDate} was given up (${problem.replace(/\.$/, '')}), but the digest channel is ${now} now: the next digest goes there.`;
    }
  }
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "<@U…> has been deactivated: 2 nudges not delivered, the last …" */
export function undeliveredNudgeLines(nudges: DeliveryProblems['nudges']): string[] {
  return nudges.map(
    (n) =>
      `${userMention(n.recipientId)} ${explainDmRefusal(n.refusal)}: ${n.count === 1 ? `1 nudge not delivered (${when(n.lastAt)})` : `${n.count} nudges not delivered, the last ${when(n.lastAt)}`}.`,
  );
}

const MAX_BANNER_PEOPLE = 3;

/**
 * The admins' App Home banner: one section saying what is wrong and how to fix it, and a line
 * pointing at the full status. Nothing when nothing needs an admin.
 */
export function deliveryBanner(problems: DeliveryProblems, digestChannel: string | null): KnownBlock[] {
  const given = problems.digest?.state === 'given-up' ? problems.digest : null;
  const lines: string[] = [];
  if (given) lines.push(digestTroubleLine(given, digestChannel));
  if (problems.nudges.length > 0) {
    const people = [...new Set(problems.nudges.map((n) => n.recipientId))];
    const shown = people.slice(0, MAX_BANNER_PEOPLE).map(userMention).join(', ');
    const more = people.length > MAX_BANNER_PEOPLE ? ` and ${people.length - MAX_BANNER_PEOPLE} more` : '';
    const count = problems.nudges.reduce((sum, n) => sum + n.count, 0);
    lines.push(
      `*${plural(count, 'nudge')} could not be delivered* in the last ${RECENT_NUDGE_DAYS} days: Slack will not take direct messages for ${shown}${more}. ${UNDELIVERABLE_NUDGES_FIX}`,
    );
  }
  if (lines.length === 0) return [];
  return [
    section(`:warning: ${lines.join('\n')}`),
    context(`Only admins see this. ${inlineCode('/tandem status')} has the details.`),
  ];
}
