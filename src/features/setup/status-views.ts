import type { KnownBlock } from '@slack/types';
import type { DeliveryProblems } from '../../core/delivery/problems.js';
import { digestTroubleLine, undeliveredNudgeLines } from '../../core/delivery/views.js';
import type { DigestDay } from '../../core/stores/delivery-status.js';
import { UNDELIVERABLE_NUDGES_FIX } from '../../domain/status/delivery-problems.js';
import type { SchedulerPasses } from '../../runtime/scheduler-passes.js';
import { context, divider, type SlackMessage, section } from '../../slack/blocks.js';
import type { QueueDepth } from '../../slack/limiter.js';
import { channelMention, inlineCode, slackDate } from '../../slack/mrkdwn.js';
import type { StatusReport } from './status.js';

const when = (at: Date) => slackDate(at, `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** The problems an admin can act on; empty when there are none. */
function problemLines(problems: DeliveryProblems, digestChannel: string | null): string[] {
  const lines: string[] = [];
  const { digest } = problems;
  if (digest && digest.state !== 'fixed-since') lines.push(digestTroubleLine(digest, digestChannel));
  if (problems.nudges.length > 0) {
    lines.push(
      `*Nudges that could not be delivered:*\n${undeliveredNudgeLines(problems.nudges)
        .map((line) => `• ${line}`)
        .join('\n')}\n${UNDELIVERABLE_NUDGES_FIX}`,
    );
  }
  return lines;
}

function digestDayLine(day: DigestDay): string {
  const where = day.channel ? ` in ${channelMention(day.channel)}` : '';
  switch (day.status) {
    case 'sent':
      return `${day.localDate}: posted${day.sentAt ? ` ${when(day.sentAt)}` : ''}${where}`;
    case 'failed':
      return `${day.localDate}: given up after Slack refused it ${times(day.attempts)}`;
    case 'retrying':
      return `${day.localDate}: not posted yet, refused ${times(day.attempts)} so far`;
    case 'sending':
      return `${day.localDate}: being posted now`;
    case 'skipped':
      return `${day.localDate}: skipped, as Tandem was offline past digest time`;
  }
}

function lastDigestLine(report: StatusReport): string {
  const { latest, lastSent, team } = report;
  const setting = team.digestChannel
    ? `daily at ${team.digestTime} (${team.timezone}) in ${channelMention(team.digestChannel)}`
    : `no digest channel is set: ${inlineCode('/tandem set digest-channel #channel')}`;
  if (!latest) return `*Last digest:* none yet; ${setting}.`;
  const earlier =
    lastSent && lastSent.localDate !== latest.localDate
      ? `; the last posted: ${digestDayLine(lastSent)}`
      : '';
  return `*Last digest:* ${digestDayLine(latest)}${earlier}. Digest: ${setting}.`;
}

const depth = (q: QueueDepth) => `${q.running} in progress, ${q.waiting} waiting`;

function queueLine({ commands, events }: StatusReport['queues']): string {
  return `*Queues* (this Tandem process, every workspace it serves): commands ${depth(commands)} (this one included); events ${depth(events)}.`;
}

function schedulerLine({ lastRanAt, lastTick }: SchedulerPasses): string {
  const ran = lastRanAt ? when(lastRanAt) : 'none yet';
  const head = '*Last scheduler pass* (this process; one pass covers every workspace):';
  if (!lastTick) return `${head} none since this process started.`;
  if (lastTick.outcome === 'skipped')
    return `${head} ${ran}. Its last tick, ${when(lastTick.at)}, found another replica running the pass.`;
  if (lastTick.outcome === 'failed')
    return `${head} ${ran}. :warning: Its last tick, ${when(lastTick.at)}, failed; the logs say why, and the next minute retries.`;
  return `${head} ${ran}.`;
}

/** `/tandem status`: what is wrong (or one line saying nothing is), then the facts. */
export function statusMessage(report: StatusReport): SlackMessage {
  const problems = problemLines(report.problems, report.team.digestChannel);
  const headline = problems.length
    ? `Tandem has ${problems.length === 1 ? 'a delivery problem' : 'delivery problems'}.`
    : 'Nothing is wrong: the digest and nudges are being delivered.';
  const blocks: KnownBlock[] = [
    section(`${problems.length ? ':warning:' : ':white_check_mark:'} *${headline}*`),
  ];
  for (const line of problems) blocks.push(section(line));
  const fixed = report.problems.digest?.state === 'fixed-since' ? report.problems.digest : null;
  const facts = [
    lastDigestLine(report),
    ...(fixed ? [digestTroubleLine(fixed, report.team.digestChannel)] : []),
    queueLine(report.queues),
    schedulerLine(report.scheduler),
  ];
  blocks.push(divider, section(facts.join('\n')), context('Only you can see this.'));
  const text = [headline, ...problems].join('\n');
  return { text, blocks };
}
