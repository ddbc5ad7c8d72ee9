import type { KnownBlock } from '@slack/types';
import { historyLines } from '../../core/ownership/views.js';
import type { WorkspaceSettings } from '../../core/settings.js';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import type { InitiativeListFilter } from '../../domain/initiatives/initiative-command.js';
import { INITIATIVE_USAGE } from '../../domain/initiatives/initiative-command.js';
import { DISCIPLINE_LABELS, KIND_LABELS } from '../../domain/initiatives/kinds.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { formatDueDate } from '../../domain/time/due-date.js';
import type { Initiative, OwnershipEvent } from '../../generated/prisma/client.js';
import {
  capBlocks,
  context,
  fields,
  lineSections,
  MAX_BLOCKS,
  type SlackMessage,
  section,
} from '../../slack/blocks.js';
import { channelMention, escapeText, inlineCode, userMention } from '../../slack/mrkdwn.js';

export interface ViewContext {
  now: Date;
  timezone: string;
}

export const ref = (i: Pick<Initiative, 'number' | 'title'>): string =>
  `*#${i.number}* ${escapeText(i.title)}`;

export function dueText(i: Pick<Initiative, 'dueDate'>, ctx: ViewContext): string {
  return i.dueDate ? formatDueDate(calendarDateFromDb(i.dueDate), ctx) : '_no due date_';
}

const ownerText = (ownerId: string | null): string => (ownerId ? userMention(ownerId) : '_unowned_');

/** "Led by PR, with Social supporting": read as teams, not as a list of people. */
function leadText(i: Initiative, workspace: WorkspaceSettings): string {
  const support = workspace.matrix[i.kind].support.map((d) => DISCIPLINE_LABELS[d]);
  const led =
    i.leadDiscipline === 'joint'
      ? 'Led jointly by PR and Social'
      : `Led by ${DISCIPLINE_LABELS[i.leadDiscipline]}`;
  return `${led}${support.length ? `, with ${support.join(' and ')} supporting` : ''}`;
}

function summaryFields(i: Initiative, workspace: WorkspaceSettings, ctx: ViewContext): KnownBlock {
  const pairs: Array<[string, string]> = [
    ['Owner', ownerText(i.ownerId)],
    ['Due', dueText(i, ctx)],
    ['Kind', KIND_LABELS[i.kind]],
    ['Teams', leadText(i, workspace)],
    ['Status', i.status],
  ];
  if (i.channelId) pairs.push(['Channel', channelMention(i.channelId)]);
  return fields(pairs);
}

export interface ChecklistOutcome {
  tasks: Array<{ number: number; title: string }>;
  problem?: string;
}

export function createdMessage(
  i: Initiative,
  workspace: WorkspaceSettings,
  actorId: string,
  suggestion: { userId: string | null; reason: string } | undefined,
  ctx: ViewContext,
  checklist?: ChecklistOutcome,
): SlackMessage {
  const blocks: KnownBlock[] = [
    section(`:sparkles: ${userMention(actorId)} added initiative ${ref(i)}`),
    summaryFields(i, workspace, ctx),
  ];
  if (suggestion) {
    blocks.push(
      context(
        suggestion.userId
          ? `:bulb: No owner was given, so Tandem suggested ${userMention(suggestion.userId)}: ${escapeText(suggestion.reason.replace(/\.$/, ''))}. Change it with ${inlineCode(`/initiative assign ${i.number} @person`)}.`
          : `:bulb: ${escapeText(suggestion.reason)}`,
      ),
    );
  }
  if (checklist) {
    const posted = checklist.tasks
      .map((t) => `*${formatTaskRef(t.number)}* ${escapeText(t.title)}`)
      .join(' · ');
    if (checklist.tasks.length > 0)
      blocks.push(section(`:clipboard: Checklist posted for claiming: ${posted}`));
    if (checklist.problem) blocks.push(context(`:warning: ${checklist.problem}`));
  }
  return { text: `Initiative #${i.number} ${escapeText(i.title)} added`, blocks };
}

export function ownerChangedMessage(
  i: Initiative,
  change: 'assigned' | 'handoff',
  actorId: string,
  previousOwnerId: string | null,
  reason: string | undefined,
  ctx: ViewContext,
): SlackMessage {
  const to = ownerText(i.ownerId);
  const line =
    change === 'handoff'
      ? previousOwnerId === actorId
        ? `:handshake: ${userMention(actorId)} handed ${ref(i)} to ${to}`
        : `:handshake: ${userMention(actorId)} handed ${ref(i)} from ${ownerText(previousOwnerId)} to ${to}`
      : `:bust_in_silhouette: ${userMention(actorId)} assigned ${ref(i)} to ${to}${previousOwnerId ? ` (was ${userMention(previousOwnerId)})` : ''}`;
  const blocks: KnownBlock[] = [section(line)];
  if (reason) blocks.push(section(`> ${escapeText(reason)}`));
  blocks.push(context(`Due ${dueText(i, ctx)} · status ${i.status}`));
  return {
    text: `#${i.number} ${escapeText(i.title)} is now owned by ${i.ownerId ? userMention(i.ownerId) : 'nobody'}`,
    blocks,
  };
}

/** DM to the person who now owns something. */
export function youNowOwnMessage(
  i: Initiative,
  actorId: string,
  reason: string | undefined,
  ctx: ViewContext,
): SlackMessage {
  const blocks: KnownBlock[] = [
    section(`:wave: ${userMention(actorId)} made you the owner of ${ref(i)}.`),
    context(`Due ${dueText(i, ctx)} · see ${inlineCode(`/tandem who-owns ${i.number}`)} for its history`),
  ];
  if (reason) blocks.splice(1, 0, section(`> ${escapeText(reason)}`));
  return { text: `You now own #${i.number} ${escapeText(i.title)}`, blocks };
}

export function statusChangedMessage(i: Initiative, actorId: string): SlackMessage {
  const icon = {
    planned: ':spiral_calendar_pad:',
    active: ':arrow_forward:',
    done: ':white_check_mark:',
    cancelled: ':no_entry_sign:',
  }[i.status];
  return {
    text: `#${i.number} ${escapeText(i.title)} is now ${i.status}`,
    blocks: [section(`${icon} ${userMention(actorId)} marked ${ref(i)} *${i.status}*`)],
  };
}

export function dueChangedMessage(i: Initiative, actorId: string, ctx: ViewContext): SlackMessage {
  return {
    text: `#${i.number} ${escapeText(i.title)} is due ${i.dueDate ? calendarDateFromDb(i.dueDate) : 'whenever'}`,
    blocks: [
      section(
        i.dueDate
          ? `:date: ${userMention(actorId)} set ${ref(i)} due ${dueText(i, ctx)}`
          : `:date: ${userMention(actorId)} cleared the due date of ${ref(i)}`,
      ),
    ],
  };
}

function filterTitle(filter: InitiativeListFilter): string {
  switch (filter.by) {
    case 'open':
      return 'Open initiatives';
    case 'all':
      return 'All initiatives';
    case 'mine':
      return 'Initiatives you own';
    case 'user':
      return `Open initiatives owned by ${userMention(filter.userId)}`;
    case 'kind':
      return `Open ${KIND_LABELS[filter.kind].toLowerCase()} initiatives`;
    case 'overdue':
      return 'Overdue initiatives';
  }
}

export function listMessage(
  initiatives: Initiative[],
  total: number,
  filter: InitiativeListFilter,
  ctx: ViewContext,
): SlackMessage {
  const title = filterTitle(filter);
  if (total === 0) {
    return {
      text: `${title}: none`,
      blocks: [
        section(`*${title}:* none.`),
        context(
          `Add one with ${inlineCode('/initiative add "Q4 launch press release" press_release due dec 1')}`,
        ),
      ],
    };
  }
  const lines = initiatives.map(
    (i) =>
      `${ref(i)} · ${ownerText(i.ownerId)} · due ${dueText(i, ctx)} · ${KIND_LABELS[i.kind]} · ${i.status}`,
  );
  const blocks: KnownBlock[] = [section(`*${title}* (${total})`), ...lineSections(lines, MAX_BLOCKS - 2)];
  if (total > initiatives.length)
    blocks.push(context(`_…and ${total - initiatives.length} more; narrow the list with a filter._`));
  return { text: `${title}: ${total}`, blocks: capBlocks(blocks) };
}

/** How many of the latest history entries `/initiative show` lists; who-owns has them all. */
export const SHOWN_HISTORY = 5;

export function detailMessage(
  i: Initiative,
  workspace: WorkspaceSettings,
  ctx: ViewContext,
  history: OwnershipEvent[],
): SlackMessage {
  const recent = historyLines(history.slice(-SHOWN_HISTORY));
  const blocks: KnownBlock[] = [section(ref(i)), summaryFields(i, workspace, ctx)];
  if (recent.length > 0) blocks.push(section('*Latest changes*'), ...lineSections(recent, SHOWN_HISTORY));
  blocks.push(context(`Whole history: ${inlineCode(`/tandem who-owns ${i.number}`)}`));
  return { text: `#${i.number} ${escapeText(i.title)}`, blocks: capBlocks(blocks) };
}

export function helpMessage(): SlackMessage {
  const lines = Object.values(INITIATIVE_USAGE).map(
    (hint) => `${inlineCode(hint.usage)}\n      e.g. ${inlineCode(hint.example)}`,
  );
  return {
    text: 'How to use /initiative',
    blocks: capBlocks([
      section('*/initiative* — record who owns each initiative, with its kind, due date and channel.'),
      ...lineSections(lines, 20),
      context(
        'Kinds: press_release, influencer, campaign, trend_response, crisis, advocacy, other. Dates: 2026-12-01, tomorrow, in 3 days, next friday, dec 1.',
      ),
    ]),
  };
}
