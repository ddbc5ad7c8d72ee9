import type { KnownBlock } from '@slack/types';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import type { Initiative, OwnershipEvent } from '../../generated/prisma/client.js';
import { context, lineSections, MAX_BLOCKS, type SlackMessage, section } from '../../slack/blocks.js';
import { escapeText, inlineCode, slackDate, userMention } from '../../slack/mrkdwn.js';
import type { WhoOwnsAnswer } from './who-owns.js';

const who = (userId: string | null): string => (userId ? userMention(userId) : '_nobody_');

function describe(e: OwnershipEvent): string {
  const by = userMention(e.actorId);
  const via = e.source === 'command' ? 'by command' : `by ${e.source}`;
  const reason = e.reason ? ` — “${escapeText(e.reason)}”` : '';
  switch (e.change) {
    case 'created':
      return `${by} created it with owner ${who(e.toUserId)} (${via})`;
    case 'suggested':
      return `${by} created it; Tandem suggested ${who(e.toUserId)} as owner (${via})`;
    case 'assigned':
      return `${by} assigned it to ${who(e.toUserId)}, from ${who(e.fromUserId)} (${via})${reason}`;
    case 'handoff':
      return `${who(e.fromUserId)} → ${who(e.toUserId)}: handoff by ${by} (${via})${reason}`;
    case 'claimed':
      return `${who(e.toUserId)} claimed it (${via})`;
    case 'released':
      return `${who(e.fromUserId)} released it (${via})`;
    case 'status':
      return `${by} changed the status from ${escapeText(e.fromValue ?? '?')} to ${escapeText(e.toValue ?? '?')} (${via})`;
    case 'due':
      return `${by} changed the due date from ${escapeText(e.fromValue || 'none')} to ${escapeText(e.toValue || 'none')} (${via})`;
  }
}

function timestamp(at: Date): string {
  return slackDate(at, `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

/** One line per history entry, e.g. "• 2026-11-21 09:00 UTC — @ana changed the status from planned to active". */
export function historyLines(history: OwnershipEvent[]): string[] {
  return history.map((e) => `• ${timestamp(e.at)} — ${describe(e)}`);
}

export function ownershipMessage(answer: Extract<WhoOwnsAnswer, { kind: 'one' }>, now: Date): SlackMessage {
  const { initiative: i, history } = answer;
  const last = history.findLast((e) => e.toUserId === i.ownerId);
  const since = i.ownerId && last ? ` since ${timestamp(last.at)}${daysAgo(last.at, now)}` : '';
  const headline = i.ownerId
    ? `*#${i.number} ${escapeText(i.title)}* is owned by ${userMention(i.ownerId)}${since}.`
    : `*#${i.number} ${escapeText(i.title)}* has no owner. Assign one with ${inlineCode(`/initiative assign ${i.number} @person`)}.`;
  const lines = historyLines(history);
  const blocks: KnownBlock[] = [section(headline)];
  if (lines.length > 0) blocks.push(section('*Ownership history*'), ...lineSections(lines, MAX_BLOCKS - 2));
  else blocks.push(context('No ownership changes recorded yet.'));
  return {
    text: `#${i.number} ${escapeText(i.title)}: owner ${i.ownerId ? userMention(i.ownerId) : 'none'}`,
    blocks,
  };
}

function daysAgo(at: Date, now: Date): string {
  const days = Math.floor((now.getTime() - at.getTime()) / 86_400_000);
  return days >= 1 ? ` (${days} day${days === 1 ? '' : 's'})` : '';
}

export function taskOwnershipMessage(
  answer: Extract<WhoOwnsAnswer, { kind: 'task' }>,
  now: Date,
): SlackMessage {
  const { task, history } = answer;
  const ref = `${formatTaskRef(task.number)} ${escapeText(task.title)}`;
  const last = history.findLast((e) => e.toUserId === task.assigneeId);
  const since = task.assigneeId && last ? ` since ${timestamp(last.at)}${daysAgo(last.at, now)}` : '';
  const headline = task.assigneeId
    ? `*${ref}* (in *#${task.initiative.number}*) is owned by ${userMention(task.assigneeId)}${since}.`
    : `*${ref}* (in *#${task.initiative.number}*) is unclaimed. Take it with ${inlineCode(`/task claim ${formatTaskRef(task.number)}`)}.`;
  const lines = historyLines(history);
  const blocks: KnownBlock[] = [section(headline)];
  if (lines.length > 0) blocks.push(section('*Ownership history*'), ...lineSections(lines, MAX_BLOCKS - 2));
  else blocks.push(context('No ownership changes recorded yet.'));
  return { text: `${ref}: owner ${task.assigneeId ? userMention(task.assigneeId) : 'none'}`, blocks };
}

/** The answer to "who owns X?", whichever kind it is. */
export function whoOwnsMessage(answer: WhoOwnsAnswer, now: Date): SlackMessage {
  if (answer.kind === 'task') return taskOwnershipMessage(answer, now);
  if (answer.kind === 'one') return ownershipMessage(answer, now);
  return candidatesMessage(answer.initiatives, answer.words);
}

export function candidatesMessage(initiatives: Initiative[], words: string): SlackMessage {
  const lines = initiatives.map((i) => `• *#${i.number}* ${escapeText(i.title)} — ${who(i.ownerId)}`);
  return {
    text: `Several initiatives match “${escapeText(words)}”`,
    blocks: [
      section(`Several initiatives match “${escapeText(words)}”:`),
      ...lineSections(lines, 10),
      context(
        `Ask about one by number, e.g. ${inlineCode(`/tandem who-owns ${initiatives[0]?.number ?? 12}`)}`,
      ),
    ],
  };
}
