import type { Button, KnownBlock } from '@slack/types';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import { DISCIPLINE_LABELS } from '../../domain/initiatives/kinds.js';
import type { ReactionEmoji } from '../../domain/tasks/reactions.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { formatDueDate } from '../../domain/time/due-date.js';
import type { Initiative, Task } from '../../generated/prisma/client.js';
import { context, fields, type SlackMessage, section } from '../../slack/blocks.js';
import { escapeText, userMention } from '../../slack/mrkdwn.js';

export const CLAIM_ACTION = 'task_claim';

/** What a task view needs: a saved task, or a draft whose message is being posted. */
export type TaskView = Pick<
  Task,
  'number' | 'title' | 'discipline' | 'assigneeId' | 'status' | 'dueDate' | 'blockedReason'
> & {
  initiative: Pick<Initiative, 'number' | 'title'>;
};

export interface TaskViewContext {
  now: Date;
  timezone: string;
  emoji: ReactionEmoji;
}

export const taskRef = (t: Pick<TaskView, 'number' | 'title'>): string =>
  `*${formatTaskRef(t.number)}* ${escapeText(t.title)}`;
export const initiativeRef = (i: Pick<Initiative, 'number' | 'title'>): string =>
  `*#${i.number}* ${escapeText(i.title)}`;

export function taskDue(t: TaskView, ctx: TaskViewContext): string {
  return t.dueDate ? formatDueDate(calendarDateFromDb(t.dueDate), ctx) : '_no due date_';
}

export function statusText(t: TaskView): string {
  if (t.status === 'done') return ':white_check_mark: done';
  if (t.status === 'blocked')
    return `:construction: blocked${t.blockedReason ? `: ${escapeText(t.blockedReason)}` : ''}`;
  return 'open';
}

export function ownerText(t: Pick<TaskView, 'assigneeId'>): string {
  return t.assigneeId ? userMention(t.assigneeId) : '_unclaimed_';
}

export function claimButton(number: number, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: CLAIM_ACTION,
    value: String(number),
    text: { type: 'plain_text', text: 'Claim', emoji: true },
    ...(style ? { style } : {}),
    accessibility_label: `Claim task ${formatTaskRef(number)}`,
  };
}

/** The message people react to. Re-rendered in place after every change. */
export function taskMessage(t: TaskView, ctx: TaskViewContext): SlackMessage {
  const e = ctx.emoji;
  const blocks: KnownBlock[] = [
    section(`${taskRef(t)}\nfor ${initiativeRef(t.initiative)}`),
    fields([
      ['Owner', ownerText(t)],
      ['Due', taskDue(t, ctx)],
      ['Discipline', t.discipline ? DISCIPLINE_LABELS[t.discipline] : 'Anyone'],
      ['Status', statusText(t)],
    ]),
  ];
  if (t.status !== 'done') {
    if (!t.assigneeId)
      blocks.push({
        type: 'actions',
        block_id: `task:${t.number}`,
        elements: [claimButton(t.number, 'primary')],
      });
    // Each reader needs only the reactions open to them now: claiming while it is free, the
    // owner's own once someone has it.
    blocks.push(
      context(
        t.assigneeId
          ? `For ${userMention(t.assigneeId)}: :${e.done}: when done · :${e.handoff}: hand off · :${e.block}: blocked · :${e.snooze}: snooze a day · take :${e.claim}: back to release`
          : `React :${e.claim}: to claim`,
      ),
    );
  }
  const who = t.assigneeId ? `owned by ${userMention(t.assigneeId)}` : 'unclaimed';
  return { text: `Task ${formatTaskRef(t.number)} ${escapeText(t.title)} (${who}, ${t.status})`, blocks };
}
