import type { KnownBlock } from '@slack/types';
import {
  initiativeRef,
  ownerText,
  statusText,
  type TaskView,
  type TaskViewContext,
  taskDue,
  taskRef,
} from '../../core/task-messages/views.js';
import type { ReactionEmoji } from '../../domain/tasks/reactions.js';
import type { TaskListFilter } from '../../domain/tasks/task-command.js';
import { TASK_USAGE } from '../../domain/tasks/task-command.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import {
  capBlocks,
  context,
  lineSections,
  MAX_BLOCKS,
  type SlackMessage,
  section,
} from '../../slack/blocks.js';
import { inlineCode, userMention } from '../../slack/mrkdwn.js';

export const HANDOFF_PICK_ACTION = 'task_handoff_pick';

export function claimedMessage(
  t: TaskView,
  workload: string | null,
  hint: string | null = null,
): SlackMessage {
  const text = `You claimed ${taskRef(t)}.${workload ? ` Heads up: ${workload}.` : ''}${hint ? ` ${hint}` : ''}`;
  return { text, blocks: [section(`:raising_hand: ${text}`)] };
}

const alreadyClaimed = (t: TaskView): string =>
  t.assigneeId
    ? `${taskRef(t)} is already claimed by ${userMention(t.assigneeId)}.`
    : `${taskRef(t)} is done; there is nothing to claim.`;

/** One note for one lost claim, or for several lost while the first note waited, a line each. */
export function alreadyClaimedMessage(tasks: TaskView | readonly TaskView[]): SlackMessage {
  const text = (Array.isArray(tasks) ? tasks : [tasks]).map(alreadyClaimed).join('\n');
  return { text, blocks: [section(text)] };
}

export function noteMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

export function handoffPicker(t: TaskView): SlackMessage {
  return {
    text: `Who should take over ${formatTaskRef(t.number)}?`,
    blocks: [
      section(`:repeat: Who should take over ${taskRef(t)}?`),
      {
        type: 'actions',
        block_id: `task_handoff:${t.number}`,
        elements: [
          {
            type: 'users_select',
            action_id: HANDOFF_PICK_ACTION,
            placeholder: { type: 'plain_text', text: 'Choose a person' },
          },
        ],
      },
    ],
  };
}

export function handedOffMessage(t: TaskView, fromUserId: string | null): SlackMessage {
  const text = `${taskRef(t)} went from ${fromUserId ? userMention(fromUserId) : 'nobody'} to ${ownerText(t)}.`;
  return { text, blocks: [section(`:handshake: ${text}`)] };
}

export function youNowOwnTaskMessage(t: TaskView, actorId: string): SlackMessage {
  const text = `${userMention(actorId)} gave you ${taskRef(t)} (for ${initiativeRef(t.initiative)}).`;
  return { text, blocks: [section(`:wave: ${text}`)] };
}

export function blockedQuestion(t: TaskView, userId: string): SlackMessage {
  const text = `${userMention(userId)} marked ${taskRef(t)} blocked. What is blocking it? Reply in this thread and Tandem will note it.`;
  return { text, blocks: [section(`:construction: ${text}`)] };
}

export function taskChangedMessage(t: TaskView, actorId: string, what: string): SlackMessage {
  const text = `${userMention(actorId)} ${what} ${taskRef(t)}.`;
  return { text, blocks: [section(text)] };
}

function filterTitle(filter: TaskListFilter): string {
  switch (filter.by) {
    case 'open':
      return 'Open tasks';
    case 'all':
      return 'All tasks';
    case 'mine':
      return 'Your open tasks';
    case 'unclaimed':
      return 'Unclaimed tasks';
    case 'user':
      return `Open tasks of ${userMention(filter.userId)}`;
    case 'initiative':
      return `Open tasks of initiative #${filter.initiative}`;
  }
}

export function taskListMessage(
  tasks: TaskView[],
  total: number,
  filter: TaskListFilter,
  ctx: TaskViewContext,
): SlackMessage {
  const title = filterTitle(filter);
  if (total === 0) {
    return {
      text: `${title}: none`,
      blocks: [
        section(`*${title}:* none.`),
        context(`Add one with ${inlineCode('/task add 12 "Draft social posts" social due friday')}`),
      ],
    };
  }
  const lines = tasks.map(
    (t) =>
      `${taskRef(t)} · ${ownerText(t)} · due ${taskDue(t, ctx)} · ${statusText(t)} · #${t.initiative.number}`,
  );
  const blocks: KnownBlock[] = [section(`*${title}* (${total})`), ...lineSections(lines, MAX_BLOCKS - 2)];
  if (total > tasks.length)
    blocks.push(context(`_…and ${total - tasks.length} more; narrow the list with a filter._`));
  return { text: `${title}: ${total}`, blocks: capBlocks(blocks) };
}

export function taskHelpMessage(emoji: ReactionEmoji): SlackMessage {
  const lines = Object.values(TASK_USAGE).map(
    (hint) => `${inlineCode(hint.usage)}\n      e.g. ${inlineCode(hint.example)}`,
  );
  return {
    text: 'How to use /task',
    blocks: capBlocks([
      section('*/task* — the work inside an initiative, claimed by whoever takes it.'),
      ...lineSections(lines, 20),
      context(
        `On a task message: :${emoji.claim}: claim (remove it to release) · :${emoji.done}: done (owner or initiative owner) · :${emoji.handoff}: hand off · :${emoji.block}: blocked · :${emoji.snooze}: snooze nudges a day`,
      ),
    ]),
  };
}
