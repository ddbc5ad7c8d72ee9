import type { KnownBlock } from '@slack/types';
import type { WorkspaceSettings } from '../../core/settings.js';
import type { Counted } from '../../core/stores/digests.js';
import { releaseName } from '../../core/stores/releases.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { claimButton } from '../../core/task-messages/views.js';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import { explainDigestFailure } from '../../domain/status/delivery-problems.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { formatDueDate } from '../../domain/time/due-date.js';
import type { Initiative } from '../../generated/prisma/client.js';
import {
  capBlocks,
  clip,
  context,
  header,
  MAX_SECTION_TEXT,
  type SlackMessage,
  section,
} from '../../slack/blocks.js';
import { channelMention, escapeText, inlineCode, slackDate, userMention } from '../../slack/mrkdwn.js';
import { ownershipLines } from './ownership-lines.js';
import type { DigestData } from './service.js';

interface Ctx {
  now: Date;
  timezone: string;
}

const due = (d: Date | null, ctx: Ctx) => (d ? formatDueDate(calendarDateFromDb(d), ctx) : 'no due date');
const owner = (id: string | null) => (id ? userMention(id) : '_unowned_');
const initiativeLine = (i: Initiative, ctx: Ctx) =>
  `• *#${i.number}* ${escapeText(i.title)} — ${owner(i.ownerId)} · ${due(i.dueDate, ctx)}`;
const taskLine = (t: TaskWithInitiative, ctx: Ctx) =>
  `• *${formatTaskRef(t.number)}* ${escapeText(t.title)} (#${t.initiative.number}) — ${owner(t.assigneeId)} · ${due(t.dueDate, ctx)}`;

function more<T>(list: Counted<T>): string {
  return list.total > list.items.length ? `\n_…and ${list.total - list.items.length} more_` : '';
}

/** One section per topic; a topic with nothing in it is left out. */
function topic(title: string, lines: string[], extra = ''): KnownBlock[] {
  if (lines.length === 0) return [];
  const text = `*${title}*\n${lines.join('\n')}`;
  // The "more" note is appended after clipping the lines, so it always survives.
  const room = MAX_SECTION_TEXT - extra.length;
  return [section(`${clip(text, room)}${extra}`)];
}

/**
 * The daily digest: what is overdue, due soon, unclaimed, blocked, newly trending, and who took
 * over what since the last one. A day with nothing gets one "all clear" line.
 */
export function digestMessage(data: DigestData & { title?: string }, ctx: Ctx): SlackMessage {
  const blocks: KnownBlock[] = [];
  const overdue = [
    ...data.overdueInitiatives.items.map((i) => initiativeLine(i, ctx)),
    ...data.overdueTasks.items.map((t) => taskLine(t, ctx)),
  ];
  const overdueMore = data.overdueInitiatives.total + data.overdueTasks.total - overdue.length;
  blocks.push(
    ...topic(':rotating_light: Overdue', overdue, overdueMore > 0 ? `\n_…and ${overdueMore} more_` : ''),
  );
  const soon = [
    ...data.dueSoonInitiatives.items.map((i) => initiativeLine(i, ctx)),
    ...data.dueSoonTasks.items.map((t) => taskLine(t, ctx)),
  ];
  const soonMore = data.dueSoonInitiatives.total + data.dueSoonTasks.total - soon.length;
  blocks.push(
    ...topic(
      ':hourglass_flowing_sand: Due in the next 48 hours',
      soon,
      soonMore > 0 ? `\n_…and ${soonMore} more_` : '',
    ),
  );

  if (data.unclaimed.items.length > 0) {
    blocks.push(section(`*:raising_hand: Unclaimed tasks* (${data.unclaimed.total})`));
    for (const t of data.unclaimed.items) {
      blocks.push(
        section(
          `*${formatTaskRef(t.number)}* ${escapeText(t.title)} (#${t.initiative.number}) · ${due(t.dueDate, ctx)}`,
          claimButton(t.number),
        ),
      );
    }
    if (data.unclaimed.total > data.unclaimed.items.length)
      blocks.push(
        context(
          `_…and ${data.unclaimed.total - data.unclaimed.items.length} more: ${inlineCode('/task list unclaimed')}_`,
        ),
      );
  }
  blocks.push(
    ...topic(
      ':construction: Blocked',
      data.blocked.items.map(
        (t) => `${taskLine(t, ctx)}${t.blockedReason ? ` — “${escapeText(t.blockedReason)}”` : ''}`,
      ),
      more(data.blocked),
    ),
  );
  blocks.push(
    ...topic(
      ':chart_with_upwards_trend: New trends',
      data.newTrends.items.map(
        (tr) =>
          `• *TR${tr.number}* ${escapeText(tr.label)}${tr.notes ? ` — ${escapeText(tr.notes)}` : ''} (from ${userMention(tr.spotterId ?? tr.reporterId)})`,
      ),
      more(data.newTrends),
    ),
  );
  blocks.push(
    ...topic(
      ':busts_in_silhouette: Ownership changes',
      ownershipLines(data.ownershipChanges.items),
      more(data.ownershipChanges),
    ),
  );

  blocks.push(
    ...topic(
      ':eyes: Social drafts awaiting approval',
      data.awaitingApproval.items.map((r) => {
        const waiting = new Set(r.drafts.map((d) => d.network));
        const networks = r.networks
          .filter((n) => waiting.has(n))
          .map((n) => networkLabel(n as Network))
          .join(', ');
        const embargo = r.embargoUntil
          ? ` · not before ${slackDate(r.embargoUntil, r.embargoUntil.toISOString())}`
          : '';
        return `• *${formatReleaseRef(r.number)}* ${escapeText(releaseName(r, 80))}: ${networks}${embargo}`;
      }),
      more(data.awaitingApproval),
    ),
  );

  const title = `${data.title ?? 'Tandem daily digest'} — ${data.today}`;
  const head: KnownBlock[] = [header(title)];
  if (data.skippedDays.length > 0) {
    head.push(
      context(
        `:warning: No digest went out on ${data.skippedDays.join(', ')}: Tandem was offline at digest time and came back too late.`,
      ),
    );
  }
  if (blocks.length === 0) {
    return {
      text: `${title}: all clear`,
      blocks: [
        ...head,
        section(
          ':white_check_mark: All clear: nothing overdue, due soon, unclaimed or blocked, and no new trends.',
        ),
      ],
    };
  }
  return { text: title, blocks: capBlocks([...head, ...blocks]) };
}

export function digestHelpMessage(): SlackMessage {
  return {
    text: 'How to use /digest',
    blocks: [
      section(
        '*/digest* — the daily digest: overdue, due soon, unclaimed, blocked, new trends and ownership changes.',
      ),
      section(
        `${inlineCode('/digest now')} — today’s digest, only for you\n${inlineCode('/digest me on')} — your own digest by DM each day (${inlineCode('/digest me off')} to stop)\n${inlineCode('/digest settings')} — the digest and nudge settings\n${inlineCode('/digest help')} — this help`,
      ),
      context(
        `Admins choose the channel and time: ${inlineCode('/tandem set digest-channel #pr-social')} · ${inlineCode('/tandem set digest-time 09:00')}`,
      ),
    ],
  };
}

export function personalDigestSetMessage(on: boolean): SlackMessage {
  const text = on
    ? 'You will get your own digest by DM every day at the digest time, in your own time zone: only what you own and unclaimed work that fits your discipline.'
    : 'Your personal digest is off. The team digest still goes to the digest channel.';
  return { text, blocks: [section(text)] };
}

export function digestSettingsMessage(ws: WorkspaceSettings): SlackMessage {
  const code = inlineCode;
  const windows = ws.nudgeWindows
    .map((d) => (d > 0 ? `${d} days before` : d === 0 ? 'the due day' : `${-d} day overdue`))
    .join(', ');
  const quiet =
    ws.quietHours.start === ws.quietHours.end
      ? 'none'
      : `${ws.quietHours.start}–${ws.quietHours.end} in each person’s own zone`;
  return {
    text: 'Digest and nudge settings',
    blocks: [
      section(
        [
          '*Digest and nudge settings*',
          `Channel: ${ws.digestChannel ? `<#${ws.digestChannel}>` : '_not set_'} · time: ${ws.digestTime} (${escapeText(ws.timezone)})`,
          `Deadline nudges: ${windows} · quiet hours: ${quiet}`,
        ].join('\n'),
      ),
      context(
        `Admins change them: ${code('/tandem set digest-channel #pr-social')} · ${code('/tandem set digest-time 09:00')} · ${code('/tandem set timezone Europe/London')} · ${code('/tandem set nudge-windows 3, 1, 0, -1')} · ${code('/tandem set quiet-hours 20:00-08:00')}`,
      ),
    ],
  };
}

/** To the admins, once, when a day's digest could not be posted at all. */
export function digestUndeliveredMessage(channel: string, reason: string, localDate: string): SlackMessage {
  const { problem, fix } = explainDigestFailure(reason, channel ? channelMention(channel) : null);
  const text = `Today’s digest (${localDate}) could not be posted. ${problem} ${fix}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
